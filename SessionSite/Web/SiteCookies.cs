using Microsoft.AspNetCore.Mvc;

namespace SessionSite.Web;

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

    public static IServiceCollection AddSiteCookies(this IServiceCollection services, IConfiguration configuration)
    {
        var alwaysSecure = configuration.GetValue<bool>("Session:AlwaysSecureCookie");
        services.AddAntiforgery(options => Apply(options.Cookie, AntiforgeryName, alwaysSecure));
        services.Configure<CookieTempDataProviderOptions>(options => Apply(options.Cookie, FlashName, alwaysSecure));
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
