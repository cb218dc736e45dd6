namespace SessionSite.Security;

/// <summary>Writes <see cref="SecurityEvents"/> with the current request's client IP (after forwarded headers).</summary>
public sealed class SecurityLog(ILogger<SecurityLog> logger)
{
    public void SignedUp(HttpContext http, string userId) => logger.SignedUp(userId, ClientAddress.Of(http));

    public void SignInSucceeded(HttpContext http, string userId) => logger.SignInSucceeded(userId, ClientAddress.Of(http));

    public void SignInFailed(HttpContext http) => logger.SignInFailed(ClientAddress.Of(http));

    public void SignInThrottled(HttpContext http, TimeSpan wait) => logger.SignInThrottled(ClientAddress.Of(http), (int)Math.Ceiling(wait.TotalSeconds));

    public void SignedOut(HttpContext http, string userId) => logger.SignedOut(userId, ClientAddress.Of(http));

    public void SessionsRevoked(HttpContext http, string userId, int count) => logger.SessionsRevoked(userId, count, ClientAddress.Of(http));

    public void PasswordChanged(HttpContext http, string userId) => logger.PasswordChanged(userId, ClientAddress.Of(http));

    public void PasswordChangeFailed(HttpContext http, string userId) => logger.PasswordChangeFailed(userId, ClientAddress.Of(http));

    public void PasswordResetRequested(HttpContext http) => logger.PasswordResetRequested(ClientAddress.Of(http));

    public void PasswordReset(HttpContext http, string userId) => logger.PasswordReset(userId, ClientAddress.Of(http));

    public void EmailVerified(HttpContext http, string userId) => logger.EmailVerified(userId, ClientAddress.Of(http));

    public void EmailChangeRequested(HttpContext http, string userId) => logger.EmailChangeRequested(userId, ClientAddress.Of(http));

    public void EmailChanged(HttpContext http, string userId) => logger.EmailChanged(userId, ClientAddress.Of(http));
}
