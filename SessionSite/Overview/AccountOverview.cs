namespace SessionSite.Overview;

/// <summary>What the account overview shows on its rows, read in one round trip (<see cref="AccountOverviewReader"/>).</summary>
public sealed record AccountOverview(
    bool EmailVerified,
    string? PendingEmail,
    DateTimeOffset? PendingEmailUntil,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PasswordChangedAt,
    bool PasswordUnchangedSinceSignUp,
    DateTimeOffset? TwoStepOnSince,
    DateTimeOffset? TwoStepLastUsedAt,
    long RecoveryCodesLeft,
    long Passkeys,
    long Sessions,
    DateTimeOffset? PreviousSignInAt,
    string? PreviousSignInDevice)
{
    public bool TwoStepOn => TwoStepOnSince is not null;
}
