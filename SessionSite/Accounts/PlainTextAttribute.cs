using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace SessionSite.Accounts;

/// <summary>
/// Refuses control characters (NUL, CR, LF …) and format characters (Unicode category Cf: bidi marks and
/// overrides, zero-width spaces and joiners, the byte-order mark), which can disguise a name or an address on
/// other people's screens or make it look empty. Not for passwords: those take any character.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public PlainTextAttribute()
        : base("Remove the invisible, control or text-direction characters.")
    {
    }

    public override bool IsValid(object? value) =>
        value is not string text
        || !text.EnumerateRunes().Any(r => Rune.IsControl(r) || Rune.GetUnicodeCategory(r) == UnicodeCategory.Format);
}
