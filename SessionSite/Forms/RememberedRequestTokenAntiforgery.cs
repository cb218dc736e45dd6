using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using SessionSite.Sessions;

namespace SessionSite.Forms;

/// <summary>
/// ASP.NET antiforgery, remembering the request token it minted for each antiforgery cookie for a while.
/// Every signed-in page carries the navbar's sign-out form, and minting its token afresh costs a DataProtection
/// Unprotect of the cookie plus a Protect (about a fifth of a signed-in page's CPU in bench/run.sh). Any request token
/// minted for a cookie stays valid with that cookie, so handing out the same one again changes nothing that
/// validation checks; validation itself is untouched. Hand-written because the library has no such option.
/// </summary>
public sealed class RememberedRequestTokenAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options) : IAntiforgery, IDisposable
{
    /// <summary>Bounded so that a flood of fresh cookies costs at most a few MB per instance.</summary>
    public const int MaxRemembered = 10_000;

    private static readonly TimeSpan Unused = TimeSpan.FromMinutes(20);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

    private readonly MemoryCache remembered = new(new MemoryCacheOptions { SizeLimit = MaxRemembered });

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        var cookie = RememberKey(httpContext);
        if (cookie is not null && remembered.TryGetValue(cookie, out string? requestToken))
        {
            // What the library does on every token it hands out: a page with a form must never be cached.
            if (!httpContext.Response.HasStarted)
            {
                httpContext.Response.Headers.CacheControl = "no-cache, no-store";
                httpContext.Response.Headers.Pragma = "no-cache";
            }
            return new AntiforgeryTokenSet(requestToken, cookieToken: null, options.Value.FormFieldName, options.Value.HeaderName);
        }

        var tokens = inner.GetAndStoreTokens(httpContext);
        // A null cookie token means the library verified the browser's cookie and kept it; only then is it worth remembering.
        if (cookie is not null && tokens.CookieToken is null && tokens.RequestToken is not null)
            remembered.Set(cookie, tokens.RequestToken, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Unused, AbsoluteExpirationRelativeToNow = Longest });
        return tokens;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    public void Dispose() => remembered.Dispose();

    // A request token embeds the user it was minted for, so it is remembered per cookie and user, never across users.
    private string? RememberKey(HttpContext httpContext) =>
        httpContext.Request.Cookies[options.Value.Cookie.Name!] is { } cookie
            ? $"{SessionPrincipal.UserId(httpContext.User)}|{cookie}"
            : null;
}
