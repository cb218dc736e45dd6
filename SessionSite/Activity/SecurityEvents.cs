namespace SessionSite.Activity;

/// <summary>
/// Structured security events (ASVS 16.3): who (user id) and from where (client IP), never a password,
/// token or token hash. Written through <see cref="SecurityLog"/>.
/// </summary>
public static partial class SecurityEvents
{
    [LoggerMessage(1001, LogLevel.Information, "Security: sign-up of user {UserId} from {ClientIp}")]
    public static partial void SignedUp(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1002, LogLevel.Information, "Security: sign-in of user {UserId} from {ClientIp}")]
    public static partial void SignInSucceeded(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1003, LogLevel.Warning, "Security: failed sign-in from {ClientIp}")]
    public static partial void SignInFailed(this ILogger logger, string? clientIp);

    [LoggerMessage(1004, LogLevel.Warning, "Security: sign-in throttled for {ClientIp}, retry after {RetryAfterSeconds} s")]
    public static partial void SignInThrottled(this ILogger logger, string? clientIp, int retryAfterSeconds);

    [LoggerMessage(1005, LogLevel.Information, "Security: sign-out of user {UserId} from {ClientIp}")]
    public static partial void SignedOut(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1006, LogLevel.Information, "Security: user {UserId} ended {Count} of their sessions from {ClientIp}")]
    public static partial void SessionsRevoked(this ILogger logger, string userId, int count, string? clientIp);

    [LoggerMessage(1007, LogLevel.Information, "Security: password change of user {UserId} from {ClientIp}")]
    public static partial void PasswordChanged(this ILogger logger, string userId, string? clientIp);


    // Known or unknown address alike, and without it: the log must not become an enumeration oracle either.
    [LoggerMessage(1009, LogLevel.Information, "Security: password reset link requested from {ClientIp}")]
    public static partial void PasswordResetRequested(this ILogger logger, string? clientIp);

    [LoggerMessage(1010, LogLevel.Information, "Security: password reset of user {UserId} from {ClientIp}")]
    public static partial void PasswordReset(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1011, LogLevel.Information, "Security: email verified for user {UserId} from {ClientIp}")]
    public static partial void EmailVerified(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1012, LogLevel.Information, "Security: email change requested by user {UserId} from {ClientIp}")]
    public static partial void EmailChangeRequested(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1013, LogLevel.Information, "Security: email changed for user {UserId} from {ClientIp}")]
    public static partial void EmailChanged(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1014, LogLevel.Information, "Security: profile changed by user {UserId} from {ClientIp}")]
    public static partial void ProfileChanged(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1015, LogLevel.Information, "Security: data downloaded by user {UserId} from {ClientIp}")]
    public static partial void DataDownloaded(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1017, LogLevel.Information, "Security: two-step {Event} for user {UserId} from {ClientIp}")]
    public static partial void TwoStepEvent(this ILogger logger, string userId, string @event, string? clientIp);

    [LoggerMessage(1040, LogLevel.Information, "Security: sign-in of user {UserId} from a new device at {ClientIp}")]
    public static partial void NewDevice(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1041, LogLevel.Warning, "Security: \"this wasn't me\" for user {UserId} from {ClientIp}: sessions ended, password retired")]
    public static partial void AccountRecovered(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1016, LogLevel.Warning, "Security: account of user {UserId} deleted from {ClientIp}")]
    public static partial void AccountDeleted(this ILogger logger, string userId, string? clientIp);

    [LoggerMessage(1030, LogLevel.Information, "Security: confirm-it's-you {Event} for user {UserId} from {ClientIp}")]
    public static partial void ConfirmationEvent(this ILogger logger, string userId, string @event, string? clientIp);

    [LoggerMessage(1050, LogLevel.Information, "Security: passkey {Event} for user {UserId} from {ClientIp}")]
    public static partial void PasskeyEvent(this ILogger logger, string userId, string @event, string? clientIp);

    /// <summary>Only the kind of refusal: never the credential id, the user handle or the client data.</summary>
    [LoggerMessage(1051, LogLevel.Warning, "Security: passkey refused ({Reason}) from {ClientIp}")]
    public static partial void PasskeyRefused(this ILogger logger, string reason, string? clientIp);
}
