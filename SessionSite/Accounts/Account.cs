namespace SessionSite.Accounts;

/// <summary>
/// An account. <c>CredentialStamp</c> changes whenever the password does; a session may only be created under
/// the stamp its password was checked against, so a sign-in racing a change cannot outlive it. <c>EmailVerified</c>
/// says the owner proved they read mail at <c>Email</c> (a link from it was opened).
/// </summary>
public sealed record Account(
    string Id, string Email, string DisplayName, string PasswordHash, DateTimeOffset CreatedAt, long CredentialStamp = 0, bool EmailVerified = false);
