using System.ComponentModel.DataAnnotations;

namespace SessionSite.Accounts;

/// <summary>
/// Refuses control characters (NUL, CR, LF …) and format characters (Unicode category Cf: bidi marks and
/// overrides, zero-width spaces and joiners, the byte-order mark), which can disguise an address on other
/// people's screens or make it look empty; the message names the character. Names use <see cref="NameTextAttribute"/>,
/// which lets joiners stay inside emoji and words. Not for passwords: those take any character.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || text.EnumerateRunes().Where(CharacterNames.IsHidden).Take(1).ToArray() is not [var rune])
            return ValidationResult.Success;
        var members = validationContext.MemberName is { } member ? new[] { member } : null;
        return new ValidationResult($"Remove {CharacterNames.Describe(rune)}: it cannot be seen and can disguise the text.", members);
    }
}
