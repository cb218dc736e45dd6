using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SessionSite.Sessions;

namespace SessionSite.Forms;

/// <summary>
/// The antiforgery and flash (TempData) cookies, set like the session cookie: HttpOnly, Path=/, no Domain
/// (SameSite stays the framework's: Strict for antiforgery, Lax for flash), Secure whenever the request is HTTPS. The framework gives each a fixed name, so the <c>__Host-</c>
/// prefix (which demands Secure on every request) is used when the site is HTTPS-only: <c>Session:AlwaysSecureCookie</c>.
/// </summary>
public static class SiteCookies
{
    public const string AntiforgeryName = "sessionsite-antiforgery";
    public const string FlashName = "sessionsite-flash";
    public const string HostPrefix = "__Host-";

    public static IServiceCollection AddSiteCookies(this IServiceCollection services)
    {
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>()
            .Configure<IOptions<RedisSessionOptions>>((options, session) => Apply(options.Cookie, AntiforgeryName, session.Value.AlwaysSecureCookie));
        services.AddOptions<CookieTempDataProviderOptions>()
            .Configure<IOptions<RedisSessionOptions>>((options, session) => Apply(options.Cookie, FlashName, session.Value.AlwaysSecureCookie));
        return services;
    }

    private static void Apply(CookieBuilder cookie, string name, bool alwaysSecure)
    {
        cookie.Name = alwaysSecure ? HostPrefix + name : name;
        cookie.SecurePolicy = alwaysSecure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.HttpOnly = true;
    }
}
