using System.ComponentModel.DataAnnotations;

namespace SessionSite.SignIn;

/// <summary>The passkey sign-in form beside the password form: the assertion, and "remember me" as for a password.</summary>
public sealed class PasskeySignInForm
{
    [StringLength(16384)]
    public string? CredentialJson { get; set; }

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }
}
