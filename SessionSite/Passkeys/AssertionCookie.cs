using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SessionSite.Passkeys;

/// <summary>
/// A sign-in (or second-step, or confirm) challenge travels to the browser sealed with data protection in a
/// cookie, with what it is for and when it expires (the site's clock), so an anonymous page writes nothing to
/// Redis and the challenge is bound to this browser. Read once: reading deletes it.
/// </summary>
public sealed class AssertionCookie(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string Name = "sessionsite-passkey";

    private readonly IDataProtector protector = protection.CreateProtector("SessionSite.Passkeys.Assertion");

    public void Write(HttpContext http, string purpose, string assertionState)
    {
        var expires = clock.GetUtcNow() + PasskeyRelyingParty.CeremonyLifetime;
        var payload = $"{purpose}|{expires.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}|{assertionState}";
        http.Response.Cookies.Append(Name, protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict, Path = "/", MaxAge = PasskeyRelyingParty.CeremonyLifetime,
        });
    }

    /// <summary>The state sealed for <paramref name="purpose"/> and still live, or null; the cookie goes either way.</summary>
    public SealedAssertion? Take(HttpContext http, string purpose)
    {
        if (!http.Request.Cookies.TryGetValue(Name, out var sealedValue) || string.IsNullOrEmpty(sealedValue))
            return null;
        http.Response.Cookies.Delete(Name, new CookieOptions { Path = "/", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict });
        string payload;
        try
        {
            payload = protector.Unprotect(sealedValue);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|', 3);
        if (parts.Length != 3 || parts[0] != purpose || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var expiresMs))
            return null;
        var expires = DateTimeOffset.FromUnixTimeMilliseconds(expiresMs);
        return expires <= clock.GetUtcNow() ? null : new SealedAssertion(parts[2], expires);
    }
}

/// <summary>A live challenge's state (the handler's JSON) and when it stops being accepted.</summary>
public sealed record SealedAssertion(string State, DateTimeOffset ExpiresAt);
