using System.Reflection;
using System.Text;
using System.Text.Unicode;

namespace SessionSite.Accounts;

/// <summary>
/// The Unicode block of a character, from the BCL's own block table (<see cref="UnicodeRanges"/>, one property
/// per block of the Basic Multilingual Plane). .NET has no script property; a block is the nearest it offers,
/// and the letters a joiner sits between in real words (Persian, Arabic, Indic scripts) are all in the BMP.
/// </summary>
public static class UnicodeBlocks
{
    private static readonly UnicodeRange[] Ranges = typeof(UnicodeRanges)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(UnicodeRange) && p.Name is not nameof(UnicodeRanges.All) and not nameof(UnicodeRanges.None))
        .Select(p => (UnicodeRange)p.GetValue(null)!)
        .OrderBy(r => r.FirstCodePoint)
        .ToArray();

    /// <summary>The block holding the character, or null outside the BMP's named blocks.</summary>
    public static UnicodeRange? Of(Rune rune)
    {
        foreach (var range in Ranges)
        {
            if (rune.Value < range.FirstCodePoint)
                return null;
            if (rune.Value < range.FirstCodePoint + range.Length)
                return range;
        }
        return null;
    }

    public static bool Same(Rune a, Rune b) => Of(a) is { } block && block == Of(b);
}
