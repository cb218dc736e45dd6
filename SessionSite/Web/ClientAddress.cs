namespace SessionSite.Web;

/// <summary>The client's IP as the site records and throttles it: after the forwarded-headers middleware, so behind a trusted proxy it is the real client's.</summary>
public static class ClientAddress
{
    /// <summary>IPv4 clients of a dual-stack listener arrive as <c>::ffff:a.b.c.d</c>: one client, one form, one throttle count.</summary>
    public static string? Of(HttpContext http) =>
        http.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped
            ? mapped.MapToIPv4().ToString()
            : http.Connection.RemoteIpAddress?.ToString();
}
