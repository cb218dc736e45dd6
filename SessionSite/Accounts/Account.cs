namespace SessionSite.Accounts;

/// <summary>
/// An account. <paramref name="CredentialStamp"/> changes whenever the password does; a session may only be
/// created under the stamp its password was checked against, so a sign-in racing a change cannot outlive it.
/// </summary>
public sealed record Account(string Id, string Email, string DisplayName, string PasswordHash, DateTimeOffset CreatedAt, long CredentialStamp = 0);
