namespace SessionSite.Web;

/// <summary>Where a session was started from, as shown on the sessions page.</summary>
public sealed record ClientDescription(string? Ip, string Device)
{
    public static ClientDescription From(HttpContext http) =>
        new(ClientAddress.Of(http), DeviceLabel.FromUserAgent(http.Request.Headers.UserAgent.ToString()));
}
