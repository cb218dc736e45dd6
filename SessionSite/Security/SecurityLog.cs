namespace SessionSite.Security;

/// <summary>Writes <see cref="SecurityEvents"/> with the current request's client IP (after forwarded headers).</summary>
public sealed class SecurityLog(ILogger<SecurityLog> logger)
{
    public void SignedUp(HttpContext http, string userId) => logger.SignedUp(userId, Ip(http));

    public void SignInSucceeded(HttpContext http, string userId) => logger.SignInSucceeded(userId, Ip(http));

    public void SignInFailed(HttpContext http) => logger.SignInFailed(Ip(http));

    public void SignInThrottled(HttpContext http, TimeSpan wait) => logger.SignInThrottled(Ip(http), (int)Math.Ceiling(wait.TotalSeconds));

    public void SignedOut(HttpContext http, string userId) => logger.SignedOut(userId, Ip(http));

    public void SessionsRevoked(HttpContext http, string userId, int count) => logger.SessionsRevoked(userId, count, Ip(http));

    public void PasswordChanged(HttpContext http, string userId) => logger.PasswordChanged(userId, Ip(http));

    public void PasswordChangeFailed(HttpContext http, string userId) => logger.PasswordChangeFailed(userId, Ip(http));

    private static string? Ip(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
