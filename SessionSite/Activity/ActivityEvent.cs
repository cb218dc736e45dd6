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

    public static string Describe(string name) => name switch
    {
        SignedIn => "Signed in",
        SignInFailed => "Failed sign-in (wrong password)",
        Throttled => "Sign-in paused after too many failures",
        SignedOut => "Signed out",
        SessionEndedElsewhere => "A session was signed out from another",
        SignedOutEverywhere => "Signed out everywhere",
        PasswordChanged => "Password changed",
        PasswordReset => "Password reset by email",
        EmailChangeRequested => "Email change requested",
        EmailChanged => "Email address changed",
        EmailVerified => "Email address confirmed",
        ProfileChanged => "Profile changed",
        DataDownloaded => "Data downloaded",
        TwoStepEnabled => "Two-step sign-in turned on",
        TwoStepDisabled => "Two-step sign-in turned off",
        RecoveryCodesReplaced => "New recovery codes made",
        RecoveryCodeUsed => "Signed in with a recovery code",
        SecondStepFailed => "Wrong two-step code",
        SecondStepLocked => "Two-step sign-in paused after too many wrong codes",
        AccountCreated => "Account created",
        Confirmed => "Confirmed it's you",
        ConfirmFailed => "Wrong password when confirming it's you",
        NewDevice => "Signed in from a new device (the owner was mailed)",
        AccountRecovered => "\"This wasn't me\": every session signed out and the password retired",
        PasskeyAdded => "Passkey added",
        PasskeyRemoved => "Passkey removed",
        _ => name,
    };
}

/// <summary>One row of the activity: what, when, from which device and address, and what it was about (for a sign-in, how).</summary>
public sealed record ActivityEntry(string Event, DateTimeOffset At, string Device, string? Ip, string? Detail = null);
