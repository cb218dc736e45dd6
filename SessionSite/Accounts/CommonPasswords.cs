namespace SessionSite.Accounts;

/// <summary>
/// Passwords attackers try first (ASVS 6.2.4): the ~18,000 entries of 8+ characters from zxcvbn's
/// frequency-ranked list, shipped in Accounts/Data with its licence. Matched ignoring case.
/// </summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> passwords = Load();

    public bool Contains(string password) => passwords.Contains(password);

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                set.Add(line);
        }
        return set;
    }
}
