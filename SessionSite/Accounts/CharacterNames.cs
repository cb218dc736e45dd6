using System.Globalization;
using System.Text;

namespace SessionSite.Accounts;

/// <summary>
/// Names the characters a name or an address refuses, so the message says which one to remove
/// ("U+202E RIGHT-TO-LEFT OVERRIDE"): they are invisible, so "remove the invisible character" alone leaves
/// the person guessing. .NET has no Unicode name table; this one lists the refused characters people meet.
/// </summary>
public static class CharacterNames
{
    private static readonly Dictionary<int, string> Names = new()
    {
        [0x0000] = "NULL",
        [0x0009] = "CHARACTER TABULATION",
        [0x000A] = "LINE FEED",
        [0x000D] = "CARRIAGE RETURN",
        [0x001B] = "ESCAPE",
        [0x007F] = "DELETE",
        [0x00AD] = "SOFT HYPHEN",
        [0x061C] = "ARABIC LETTER MARK",
        [0x180E] = "MONGOLIAN VOWEL SEPARATOR",
        [0x200B] = "ZERO WIDTH SPACE",
        [0x200C] = "ZERO WIDTH NON-JOINER",
        [0x200D] = "ZERO WIDTH JOINER",
        [0x200E] = "LEFT-TO-RIGHT MARK",
        [0x200F] = "RIGHT-TO-LEFT MARK",
        [0x202A] = "LEFT-TO-RIGHT EMBEDDING",
        [0x202B] = "RIGHT-TO-LEFT EMBEDDING",
        [0x202C] = "POP DIRECTIONAL FORMATTING",
        [0x202D] = "LEFT-TO-RIGHT OVERRIDE",
        [0x202E] = "RIGHT-TO-LEFT OVERRIDE",
        [0x2060] = "WORD JOINER",
        [0x2061] = "FUNCTION APPLICATION",
        [0x2062] = "INVISIBLE TIMES",
        [0x2063] = "INVISIBLE SEPARATOR",
        [0x2064] = "INVISIBLE PLUS",
        [0x2066] = "LEFT-TO-RIGHT ISOLATE",
        [0x2067] = "RIGHT-TO-LEFT ISOLATE",
        [0x2068] = "FIRST STRONG ISOLATE",
        [0x2069] = "POP DIRECTIONAL ISOLATE",
        [0xFEFF] = "ZERO WIDTH NO-BREAK SPACE",
        [0xFFF9] = "INTERLINEAR ANNOTATION ANCHOR",
        [0xFFFA] = "INTERLINEAR ANNOTATION SEPARATOR",
        [0xFFFB] = "INTERLINEAR ANNOTATION TERMINATOR",
    };

    /// <summary>"U+202E RIGHT-TO-LEFT OVERRIDE", or the code point and its kind when the table has no name.</summary>
    public static string Describe(Rune rune)
    {
        var code = $"U+{rune.Value:X4}";
        if (Names.TryGetValue(rune.Value, out var name))
            return $"{code} {name}";
        return Rune.IsControl(rune) ? $"{code} (a control character)" : $"{code} (an invisible formatting character)";
    }

    /// <summary>A control character or a format character (Unicode category Cf): both can disguise text.</summary>
    public static bool IsHidden(Rune rune) => Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format;
}
