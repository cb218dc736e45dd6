using Microsoft.Extensions.Options;
using SessionSite.Sessions;

namespace SessionSite.Devices;

/// <summary>
/// The long-lived random cookie that recognises a browser (32 bytes, base64url, like a session token): HttpOnly,
/// SameSite=Lax, Path=/, no Domain, Secure and <c>__Host-</c> exactly when the session cookie is. It proves nothing
/// by itself: it only decides whether a sign-in is announced as new.
/// </summary>
public sealed class DeviceCookie(IOptions<RedisSessionOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private const string HostPrefix = "__Host-";

    public bool TryRead(HttpRequest request, out SessionToken device) => SessionToken.TryParse(request.Cookies[Name(request)], out device);

    /// <summary>The browser's device token, or a new one; either way the cookie is (re)written for another year.</summary>
    public SessionToken ReadOrIssue(HttpContext http)
    {
        // One browser, one token per request: a token issued earlier in this request is not in its cookies yet.
        if (http.Items[typeof(DeviceCookie)] is SessionToken issued)
            return issued;
        if (!TryRead(http.Request, out var device))
            device = SessionToken.Create();
        http.Items[typeof(DeviceCookie)] = device;
        http.Response.Cookies.Append(Name(http.Request), device.Value, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Path = "/",
            Secure = IsSecure(http.Request),
            IsEssential = true,
            MaxAge = Lifetime,
        });
        return device;
    }

    public string Name(HttpRequest request) => IsSecure(request) ? HostPrefix + BaseName : BaseName;

    private string BaseName => options.Value.CookieName + ".device";

    private bool IsSecure(HttpRequest request) => options.Value.AlwaysSecureCookie || request.IsHttps;
}
