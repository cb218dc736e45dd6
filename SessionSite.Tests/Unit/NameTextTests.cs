using System.ComponentModel.DataAnnotations;
using SessionSite.Accounts;

namespace SessionSite.Tests.Unit;

public sealed class NameTextTests
{
    private sealed class Named
    {
        [NameText]
        public string Name { get; set; } = "";
    }

    private static List<ValidationResult> Validate(string name)
    {
        var results = new List<ValidationResult>();
        var named = new Named { Name = name };
        Validator.TryValidateObject(named, new ValidationContext(named), results, validateAllProperties: true);
        return results;
    }

    [Theory]
    [InlineData("Ana 👩‍💻")]
    [InlineData("👨‍👩‍👧‍👦 Family")]
    [InlineData("🏳️‍🌈")]
    [InlineData("می‌خواهم")]
    [InlineData("क्‍ष")]
    [InlineData("Plain Name")]
    public void JoinersInsideEmojiAndWordsAreAccepted(string name) => Assert.Empty(Validate(name));

    [Theory]
    [InlineData("Admin\u202Egnp.exe", "U+202E RIGHT-TO-LEFT OVERRIDE")]
    [InlineData("a\u200Bb", "U+200B ZERO WIDTH SPACE")]
    [InlineData("\u200Dab", "U+200D ZERO WIDTH JOINER")]
    [InlineData("ab\u200C", "U+200C ZERO WIDTH NON-JOINER")]
    [InlineData("a\u200C b", "U+200C ZERO WIDTH NON-JOINER")]
    [InlineData("a\u200Cب", "U+200C ZERO WIDTH NON-JOINER")]
    [InlineData("Line\r\nBreak", "U+000D CARRIAGE RETURN")]
    [InlineData("Isolate\u2066x\u2069", "U+2066 LEFT-TO-RIGHT ISOLATE")]
    [InlineData("\uFEFFab", "U+FEFF ZERO WIDTH NO-BREAK SPACE")]
    [InlineData("a\u2064b", "U+2064 INVISIBLE PLUS")]
    [InlineData("a\U000E0041b", "U+E0041 (an invisible formatting character)")]
    public void OtherInvisibleCharactersAreRefusedByName(string name, string described)
    {
        var result = Assert.Single(Validate(name));

        Assert.Contains(described, result.ErrorMessage);
        Assert.Equal(["Name"], result.MemberNames);
    }

    [Fact]
    public void TheBlockOfALetterComesFromTheBclTable()
    {
        Assert.True(UnicodeBlocks.Same(new System.Text.Rune('ی'), new System.Text.Rune('خ')));
        Assert.False(UnicodeBlocks.Same(new System.Text.Rune('a'), new System.Text.Rune('ب')));
    }
}
