using System.Globalization;

namespace SessionSite.Activity;

/// <summary>
/// An address as the activity shows it, "a•••@example.com": enough for the owner to tell which one, little
/// for anyone reading over a shoulder or in a data export. The activity never stores the whole address.
/// </summary>
public static class MaskedAddress
{
    public static string Of(string email)
    {
        var trimmed = email.Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0)
            return "•••";
        var first = StringInfo.GetNextTextElementLength(trimmed);
        return $"{trimmed[..Math.Min(first, at)]}•••{trimmed[at..]}";
    }
}
