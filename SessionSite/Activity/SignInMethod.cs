namespace SessionSite.Activity;

/// <summary>How a sign-in was made, as the activity's <c>signed-in</c> rows keep it (<c>data-method</c>) and say it.</summary>
public static class SignInMethod
{
    public const string Password = "password";
    public const string PasswordAndAuthenticator = "password+authenticator";
    public const string PasswordAndRecoveryCode = "password+recovery-code";
    public const string Passkey = "passkey";
    public const string PasswordAndPasskey = "password+passkey";

    /// <summary>The words for a method, or null for an event that has none (or a value this site never wrote).</summary>
    public static string? Describe(string? method) => method switch
    {
        Password => "password",
        PasswordAndAuthenticator => "password + authenticator",
        PasswordAndRecoveryCode => "password + recovery code",
        Passkey => "passkey",
        PasswordAndPasskey => "password + passkey",
        _ => null,
    };
}
