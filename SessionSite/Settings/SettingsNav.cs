namespace SessionSite.Settings;

/// <summary>The entries of the settings sidebar, and which one a path belongs to (the longest entry it starts with).</summary>
public static class SettingsNav
{
    public sealed record Entry(string Href, string Label, string Icon);

    public static readonly IReadOnlyList<Entry> Entries =
    [
        new("/account", "Overview", "bi-person-gear"),
        new("/account/profile", "Profile", "bi-person"),
        new("/account/email", "Email", "bi-envelope"),
        new("/account/password", "Password", "bi-key"),
        new("/account/two-step", "Two-step sign-in", "bi-shield-lock"),
        new("/account/passkeys", "Passkeys", "bi-fingerprint"),
        new("/sessions", "Sessions", "bi-laptop"),
        new("/account/activity", "Activity", "bi-clock-history"),
        new("/account/data", "Your data", "bi-download"),
        new("/account/delete", "Delete account", "bi-trash"),
    ];

    /// <summary>"/sessions/abc/revoke" belongs to Sessions, "/account/two-step/disable" to Two-step; "/account" only to Overview.</summary>
    public static Entry? Current(string path)
    {
        var trimmed = path.TrimEnd('/');
        return Entries
            .Where(e => trimmed.Equals(e.Href, StringComparison.OrdinalIgnoreCase)
                        || trimmed.StartsWith(e.Href + "/", StringComparison.OrdinalIgnoreCase))
            .MaxBy(e => e.Href.Length);
    }
}
