namespace SessionSite.Activity;

/// <summary>
/// The Bootstrap Icon beside an activity row: one per kind of event (sign-in, sign-out, password, email, two-step,
/// passkey, profile, data, warning), so the list can be scanned by eye. Decorative: the sentence says it all.
/// </summary>
public static class ActivityIcon
{
    /// <summary>For an event name not (yet) mapped; the unit test keeps every <see cref="ActivityEvent"/> off it.</summary>
    public const string Fallback = "bi-info-circle";

    public static string For(string eventName) => eventName switch
    {
        ActivityEvent.SignedIn or ActivityEvent.NewDevice => "bi-box-arrow-in-right",
        ActivityEvent.SignedOut or ActivityEvent.SessionEndedElsewhere or ActivityEvent.SignedOutEverywhere => "bi-box-arrow-right",
        ActivityEvent.PasswordChanged or ActivityEvent.PasswordReset or ActivityEvent.AccountRecovered => "bi-key",
        ActivityEvent.EmailChangeRequested or ActivityEvent.EmailChanged or ActivityEvent.EmailVerified
            or ActivityEvent.Confirmed => "bi-envelope",
        ActivityEvent.TwoStepEnabled or ActivityEvent.TwoStepDisabled or ActivityEvent.RecoveryCodesReplaced
            or ActivityEvent.RecoveryCodeUsed => "bi-shield-lock",
        ActivityEvent.PasskeyAdded or ActivityEvent.PasskeyRemoved => "bi-fingerprint",
        ActivityEvent.ProfileChanged => "bi-person",
        ActivityEvent.AccountCreated => "bi-person-plus",
        ActivityEvent.DataDownloaded => "bi-download",
        ActivityEvent.SignInFailed or ActivityEvent.Throttled or ActivityEvent.SecondStepFailed
            or ActivityEvent.SecondStepLocked or ActivityEvent.ConfirmFailed => "bi-exclamation-triangle",
        _ => Fallback,
    };
}
