namespace SessionSite.Activity;

/// <summary>What the security-activity page lists: the names are also the rows' <c>data-event</c> values.</summary>
public static class ActivityEvent
{
    public const string SignedIn = "signed-in";
    public const string SignInFailed = "sign-in-failed";
    public const string Throttled = "throttled";
    public const string SignedOut = "signed-out";
    public const string SessionEndedElsewhere = "session-ended-elsewhere";
    public const string SignedOutEverywhere = "signed-out-everywhere";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string EmailChangeRequested = "email-change-requested";
    public const string EmailChanged = "email-changed";
    public const string EmailVerified = "email-verified";
    public const string ProfileChanged = "profile-changed";
    public const string DataDownloaded = "data-downloaded";
    public const string TwoStepEnabled = "two-step-enabled";
    public const string TwoStepDisabled = "two-step-disabled";
    public const string RecoveryCodesReplaced = "recovery-codes-replaced";
    public const string RecoveryCodeUsed = "recovery-code-used";
    public const string SecondStepFailed = "second-step-failed";
    public const string SecondStepLocked = "second-step-locked";
    public const string AccountCreated = "account-created";
    public const string Confirmed = "confirmed";
    public const string ConfirmFailed = "confirm-failed";
    public const string NewDevice = "new-device";
    public const string AccountRecovered = "account-recovered";
    public const string PasskeyAdded = "passkey-added";
    public const string PasskeyRemoved = "passkey-removed";
}

/// <summary>
/// One row of the activity: what, when, from which device and address, how a sign-in was made, and what the
/// event was about (the device signed out, masked addresses "a•••@example.com").
/// </summary>
public sealed record ActivityEntry(string Event, DateTimeOffset At, string Device, string? Ip, string? Method = null, string? Detail = null);
