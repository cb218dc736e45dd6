namespace SessionSite.Security;

/// <summary>The client's IP as the site records and throttles it: after the forwarded-headers middleware, so behind a trusted proxy it is the real client's.</summary>
public static class ClientAddress
{
    public static string? Of(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();
}
