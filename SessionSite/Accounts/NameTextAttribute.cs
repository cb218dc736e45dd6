using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace SessionSite.Accounts;

/// <summary>
/// The rule for names people choose (display names): like <see cref="PlainTextAttribute"/> it refuses control
/// and format characters (bidi overrides, zero-width spaces …), except the two joiners U+200C and U+200D where
/// writing needs them: inside an emoji sequence ("👩‍💻", families, the rainbow flag: the joiner sits inside one
/// grapheme cluster, UAX #29) or between two letters of one Unicode block (the Persian "می‌خواهم"). The refusal
/// names the character, since nobody can see it.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NameTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || FirstRefused(text) is not { } refused)
            return ValidationResult.Success;
        var members = validationContext.MemberName is { } member ? new[] { member } : null;
        return new ValidationResult($"Remove {CharacterNames.Describe(refused)}: it cannot be seen and can disguise a name.", members);
    }

    /// <summary>The first character the rule refuses, or null when the text is fine.</summary>
    public static Rune? FirstRefused(string text)
    {
        var elements = new List<string>();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
            elements.Add(enumerator.GetTextElement());

        for (var i = 0; i < elements.Count; i++)
        {
            var runes = elements[i].EnumerateRunes().ToArray();
            for (var j = 0; j < runes.Length; j++)
            {
                if (!CharacterNames.IsHidden(runes[j]))
                    continue;
                if (IsJoiner(runes[j]) && (j > 0 && j < runes.Length - 1 || JoinsLetters(runes, j, i + 1 < elements.Count ? elements[i + 1] : null)))
                    continue;
                return runes[j];
            }
        }
        return null;
    }

    private static bool IsJoiner(Rune rune) => rune.Value is 0x200C or 0x200D;

    // The joiner closes its cluster (it extends the letter before it): allowed when that cluster is a letter and
    // the next cluster starts with a letter of the same block.
    private static bool JoinsLetters(Rune[] cluster, int joiner, string? next)
    {
        if (joiner == 0 || next is null || !Rune.IsLetter(cluster[0]))
            return false;
        var following = next.EnumerateRunes().First();
        return Rune.IsLetter(following) && UnicodeBlocks.Same(cluster[0], following);
    }
}
