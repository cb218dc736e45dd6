namespace SessionSite.Accounts;

/// <summary>The <c>Accounts</c> section.</summary>
public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>
    /// When true, sign-up never signs in (it always answers "check your inbox", so it reveals nothing about which
    /// addresses have accounts) and an account signs in only once its address is verified.
    /// </summary>
    public bool RequireVerifiedEmail { get; set; }
}
