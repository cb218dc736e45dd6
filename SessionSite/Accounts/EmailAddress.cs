using System.Text;

namespace SessionSite.Accounts;

public static class EmailAddress
{
    /// <summary>
    /// One spelling per mailbox for lookups: trimmed, NFKC-normalized (so composed and decomposed "Å" agree),
    /// then lower-cased. The address the user typed is kept separately for display.
    /// </summary>
    public static string Normalize(string email) =>
        email.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();
}
