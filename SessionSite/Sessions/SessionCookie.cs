using Microsoft.Extensions.Options;

namespace SessionSite.Sessions;

/// <summary>Reads and writes the session cookie: HttpOnly, SameSite=Lax, Path=/, no Domain; Secure and __Host- over HTTPS.</summary>
public sealed class SessionCookie(IOptions<RedisSessionOptions> options, SessionLifetime lifetime)
{
    private const string HostPrefix = "__Host-";

    public bool TryRead(HttpRequest request, out SessionCredential credential) =>
        SessionCredential.TryParse(request.Cookies[Name(request)], out credential);

    public bool IsPresent(HttpRequest request) => request.Cookies.ContainsKey(Name(request));

    public void Write(HttpContext http, BrowserSession session)
    {
        var cookieOptions = Options(http.Request);
        // Without "remember me" the cookie dies with the browser; with it, it lives as long as the session can.
        cookieOptions.Expires = session.Record.Persistent ? lifetime.AbsoluteExpiry(session.Record) : null;
        http.Response.Cookies.Append(Name(http.Request), session.Credential.CookieValue, cookieOptions);
    }

    public void Delete(HttpContext http) => http.Response.Cookies.Delete(Name(http.Request), Options(http.Request));

    public string Name(HttpRequest request) => IsSecure(request) ? HostPrefix + options.Value.CookieName : options.Value.CookieName;

    private bool IsSecure(HttpRequest request) => options.Value.AlwaysSecureCookie || request.IsHttps;

    private CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Path = "/",
        Secure = IsSecure(request),
        IsEssential = true,
    };
}
