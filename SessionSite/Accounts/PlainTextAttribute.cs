using System.ComponentModel.DataAnnotations;

namespace SessionSite.Accounts;

/// <summary>
/// Refuses control characters (NUL, CR, LF …) and bidirectional overrides (U+202A–U+202E, U+2066–U+2069),
/// which can disguise a name or an address on other people's screens. Not for passwords: those take any character.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public PlainTextAttribute()
        : base("The {0} field cannot contain control or text-direction characters.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text || !text.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069');
}
