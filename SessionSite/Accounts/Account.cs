namespace SessionSite.Accounts;

/// <summary>
/// An account. <c>CredentialStamp</c> moves on every credential change (password changed or reset, address
/// changed, two-step on or off, new recovery codes, "sign out everywhere"); a session may only be created under
/// the stamp its password was checked against, so a sign-in racing a change cannot outlive it, and every reset or
/// email-change link and pending two-step enrolment made under an older stamp is refused. <c>EmailVerified</c>
/// says the owner proved they read mail at <c>Email</c> (a link from it was opened). <c>ProfileVersion</c> moves
/// whenever what sessions show of the account (name, address, confirmation) changes; a session touch that wrote
/// an older copy sees it and refreshes its session. <c>TwoStepSecret</c>, when set, is the authenticator-app secret
/// sealed with data protection: two-step sign-in is on.
/// </summary>
public sealed record Account(
    string Id, string Email, string DisplayName, string PasswordHash, DateTimeOffset CreatedAt, long CredentialStamp = 0, bool EmailVerified = false,
    long ProfileVersion = 0,
    string? TwoStepSecret = null);
