using SessionSite.Web;

namespace SessionSite.Activity;

/// <summary>Writes <see cref="SecurityEvents"/> with the current request's client IP (after forwarded headers).</summary>
public sealed class SecurityLog(ILogger<SecurityLog> logger, AccountActivity activity)
{
    public void SignedUp(HttpContext http, string userId)
    {
        logger.SignedUp(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.AccountCreated, http);
    }

    /// <summary>The activity's row says how (<see cref="SignInMethod"/>).</summary>
    public void SignInSucceeded(HttpContext http, string userId, string method)
    {
        logger.SignInSucceeded(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.SignedIn, http, method: method);
    }

    /// <summary>The account's own activity shows it only when the address has an account (<paramref name="userId"/>).</summary>
    public void SignInFailed(HttpContext http, string? userId)
    {
        logger.SignInFailed(ClientAddress.Of(http));
        if (userId is not null)
            activity.Record(userId, ActivityEvent.SignInFailed, http);
    }

    public void SignInThrottled(HttpContext http, TimeSpan wait, string? userId = null)
    {
        logger.SignInThrottled(ClientAddress.Of(http), (int)Math.Ceiling(wait.TotalSeconds));
        if (userId is not null)
            activity.Record(userId, ActivityEvent.Throttled, http, oncePer: wait);
    }

    public void SignedOut(HttpContext http, string userId)
    {
        logger.SignedOut(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.SignedOut, http);
    }

    /// <summary>The activity names the devices signed out (<paramref name="devices"/>: up to three), or counts them.</summary>
    public void SessionsRevoked(HttpContext http, string userId, int count, bool everywhere = false, IReadOnlyList<string>? devices = null)
    {
        logger.SessionsRevoked(userId, count, ClientAddress.Of(http));
        var detail = DeviceList.Name(devices) ?? (everywhere ? Sessions(count) : $"{Sessions(count)} on other devices");
        activity.Record(userId, everywhere ? ActivityEvent.SignedOutEverywhere : ActivityEvent.SessionEndedElsewhere, http, detail: detail);
    }

    private static string Sessions(int count) => count == 1 ? "1 session" : $"{count} sessions";

    public void PasswordChanged(HttpContext http, string userId)
    {
        logger.PasswordChanged(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.PasswordChanged, http);
    }


    public void PasswordResetRequested(HttpContext http) => logger.PasswordResetRequested(ClientAddress.Of(http));

    public void PasswordReset(HttpContext http, string userId)
    {
        logger.PasswordReset(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.PasswordReset, http);
    }

    public void EmailVerified(HttpContext http, string userId)
    {
        logger.EmailVerified(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.EmailVerified, http);
    }

    /// <summary>The activity keeps the new address masked ("b•••@example.com"); the log line, none.</summary>
    public void EmailChangeRequested(HttpContext http, string userId, string newEmail)
    {
        logger.EmailChangeRequested(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.EmailChangeRequested, http, detail: MaskedAddress.Of(newEmail));
    }

    public void EmailChanged(HttpContext http, string userId, string oldEmail, string newEmail)
    {
        logger.EmailChanged(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.EmailChanged, http, detail: $"{MaskedAddress.Of(oldEmail)} to {MaskedAddress.Of(newEmail)}");
    }

    public void ProfileChanged(HttpContext http, string userId)
    {
        logger.ProfileChanged(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.ProfileChanged, http);
    }

    public void DataDownloaded(HttpContext http, string userId)
    {
        logger.DataDownloaded(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.DataDownloaded, http);
    }

    public void NewDevice(HttpContext http, string userId)
    {
        logger.NewDevice(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.NewDevice, http);
    }

    public void AccountRecovered(HttpContext http, string userId)
    {
        logger.AccountRecovered(userId, ClientAddress.Of(http));
        activity.Record(userId, ActivityEvent.AccountRecovered, http);
    }

    public void AccountDeleted(HttpContext http, string userId) => logger.AccountDeleted(userId, ClientAddress.Of(http));

    /// <summary>Two-step sign-in events: turned on or off, recovery codes replaced or used, a wrong code.</summary>
    public void TwoStep(HttpContext http, string userId, string eventName)
    {
        logger.TwoStepEvent(userId, eventName, ClientAddress.Of(http));
        activity.Record(userId, eventName, http);
    }

    /// <summary>"Confirm it's you": passed, or a wrong password or code (not a failed sign-in: the session was already signed in).</summary>
    public void Confirmation(HttpContext http, string userId, string eventName)
    {
        logger.ConfirmationEvent(userId, eventName, ClientAddress.Of(http));
        activity.Record(userId, eventName, http);
    }

    /// <summary>A passkey added or removed.</summary>
    public void Passkey(HttpContext http, string userId, string eventName)
    {
        logger.PasskeyEvent(userId, eventName, ClientAddress.Of(http));
        activity.Record(userId, eventName, http);
    }

    public void PasskeyRefused(HttpContext http, string reason) => logger.PasskeyRefused(reason, ClientAddress.Of(http));
}
