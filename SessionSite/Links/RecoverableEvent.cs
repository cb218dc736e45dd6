namespace SessionSite.Links;

/// <summary>
/// A change a notice reports and a "this wasn't me" link can undo: whose, which kind (<see cref="RecoverableKind"/>),
/// when it was made (taken just before the change's write, so what the change itself added counts as "since"),
/// and the address to put back: for an email change the address it left; for the other kinds the notice's
/// recipient is filled in when the link is made, so a recovery never mails a reset to an address the notice did not reach.
/// </summary>
public sealed record RecoverableEvent(string UserId, string Kind, DateTimeOffset At, string? OldEmail = null);

/// <summary>The notices that carry a "this wasn't me" link.</summary>
public static class RecoverableKind
{
    public const string EmailChanged = "email-changed";
    public const string PasswordChanged = "password-changed";
    public const string TwoStepOn = "two-step-on";
    public const string TwoStepOff = "two-step-off";
    public const string RecoveryCodes = "recovery-codes";
    public const string NewDevice = "new-device";
    public const string PasskeyAdded = "passkey-added";
    public const string PasskeyRemoved = "passkey-removed";

    /// <summary>What the confirmation page says the link reports.</summary>
    public static string Describe(string kind) => kind switch
    {
        EmailChanged => "the change of your account's email address",
        PasswordChanged => "the change of your password",
        TwoStepOn => "two-step sign-in being turned on",
        TwoStepOff => "two-step sign-in being turned off",
        RecoveryCodes => "new recovery codes being made",
        NewDevice => "a sign-in from a new device",
        PasskeyAdded => "a passkey being added",
        PasskeyRemoved => "a passkey being removed",
        _ => "a change to your account",
    };
}
