using static SessionSite.Activity.ActivityEvent;

namespace SessionSite.Activity;

/// <summary>
/// Each activity row as one complete sentence ("Signed out Firefox on Linux from Chrome on Windows."): what
/// happened, on which device, and what it was about (the device signed out, the masked addresses).
/// </summary>
public static class ActivitySentence
{
    public static string Of(ActivityEntry entry)
    {
        var on = entry.Device;
        var about = entry.Detail;
        return entry.Event switch
        {
            AccountCreated => $"Created the account on {on}.",
            SignedIn => SignInMethod.Describe(entry.Method) is { } how ? $"Signed in on {on} with {how}." : $"Signed in on {on}.",
            NewDevice => $"Signed in on a device new to the account, {on}; we mailed you about it.",
            SignInFailed => $"Someone typed a wrong password for the account on {on}.",
            Throttled => $"Sign-in was paused on {on} after too many wrong passwords.",
            SignedOut => $"Signed out on {on}.",
            SessionEndedElsewhere => about is null ? $"Signed out another session from {on}." : $"Signed out {about} from {on}.",
            SignedOutEverywhere => about is null ? $"Signed out every session from {on}." : $"Signed out every session ({about}) from {on}.",
            PasswordChanged => $"Changed the password on {on}.",
            PasswordReset => $"Reset the password with a mailed link on {on}.",
            EmailChangeRequested => about is null ? $"Asked on {on} to change the email address." : $"Asked on {on} to change the email address to {about}.",
            EmailChanged => about is null ? $"Changed the email address on {on}." : $"Changed the email address from {about} on {on}.",
            EmailVerified => $"Confirmed the email address on {on}.",
            ProfileChanged => $"Changed the profile on {on}.",
            DataDownloaded => $"Downloaded the account's data on {on}.",
            TwoStepEnabled => $"Turned on two-step sign-in on {on}.",
            TwoStepDisabled => $"Turned off two-step sign-in on {on}.",
            RecoveryCodesReplaced => $"Made new recovery codes on {on}.",
            RecoveryCodeUsed => $"Signed in with a recovery code on {on}.",
            SecondStepFailed => $"Someone typed a wrong two-step code on {on}.",
            SecondStepLocked => $"Two-step sign-in was paused on {on} after too many wrong codes.",
            Confirmed => $"Confirmed it's you on {on}.",
            ConfirmFailed => $"Someone typed a wrong password on {on} when asked to confirm it's them.",
            AccountRecovered => $"Used \"This wasn't me\" on {on}: every session was signed out and the password retired.",
            PasskeyAdded => $"Added a passkey on {on}.",
            PasskeyRemoved => $"Removed a passkey on {on}.",
            _ => $"{entry.Event} on {on}.",
        };
    }
}
