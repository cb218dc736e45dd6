using SessionSite.Accounts;

namespace SessionSite.Tests.Unit;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("Ada@Example.com", "ada@example.com")]
    [InlineData("  ada@example.com\t", "ada@example.com")]
    [InlineData("ÅSA@Example.com", "åsa@example.com")]
    [InlineData("A\u030ASA@example.com", "åsa@example.com")]
    [InlineData("ｆｕｌｌ@example.com", "full@example.com")]
    public void NormalizesToOneSpellingPerMailbox(string input, string expected) =>
        Assert.Equal(expected, EmailAddress.Normalize(input));
}
