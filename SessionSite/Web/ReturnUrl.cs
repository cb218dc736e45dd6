using System.Globalization;
using System.Text;

namespace SessionSite.Web;

/// <summary>
/// Where a sign-in may send the browser next. Hand-written because <c>Url.IsLocalUrl</c> accepts characters a
/// Location header cannot carry (the redirect then fails after the session exists): non-ASCII is percent-encoded,
/// and invisible, space or control characters, which can only disguise a path, are refused.
/// </summary>
public static class ReturnUrl
{
    /// <summary>The header-safe local URL, or null when <paramref name="url"/> is absent, not local or not plain.</summary>
    public static string? ToLocalLocation(string? url, Func<string, bool> isLocalUrl)
    {
        if (string.IsNullOrEmpty(url))
            return null;
        var encoded = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || Rune.IsWhiteSpace(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
                return null;
            if (rune.IsAscii)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            foreach (var b in bytes[..rune.EncodeToUtf8(bytes)])
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        var location = encoded.ToString();
        return isLocalUrl(location) ? location : null;
    }
}
