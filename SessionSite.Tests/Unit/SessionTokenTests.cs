using System.Buffers.Text;
using SessionSite.Sessions;

namespace SessionSite.Tests.Unit;

public sealed class SessionTokenTests
{
    [Fact]
    public void NewTokenIs32RandomBytesInBase64Url()
    {
        var token = SessionToken.Create();

        Assert.Equal(43, token.Value.Length);
        Assert.Equal(32, Base64Url.DecodeFromChars(token.Value).Length);
        Assert.DoesNotContain('=', token.Value);
        Assert.DoesNotContain('+', token.Value);
        Assert.DoesNotContain('/', token.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA;")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    public void MalformedTextIsNotAToken(string? text) => Assert.False(SessionToken.TryParse(text, out _));

    [Fact]
    public void ParsedTokenKeepsItsValueAndHash()
    {
        var token = SessionToken.Create();

        Assert.True(SessionToken.TryParse(token.Value, out var parsed));
        Assert.Equal(token.StorageHash(), parsed.StorageHash());
        Assert.Matches("^[A-Za-z0-9_-]{22}$", parsed.StorageHash());
        Assert.DoesNotContain(token.Value, parsed.StorageHash());
    }

    [Fact]
    public void ToStringNeverRevealsTheToken()
    {
        var token = SessionToken.Create();
        var credential = new SessionCredential("0123456789abcdefABCDEw", token);

        Assert.DoesNotContain(token.Value, token.ToString());
        Assert.DoesNotContain(token.Value, credential.ToString());
    }

    [Theory]
    [InlineData("0123456789abcdefABCDEw")]
    [InlineData("0123456789abcdef0123456789abcdef")] // an account id from before ids were base64url
    public void CredentialRoundTripsThroughTheCookieValue(string userId)
    {
        var credential = new SessionCredential(userId, SessionToken.Create());

        Assert.True(SessionCredential.TryParse(credential.CookieValue, out var parsed));
        Assert.Equal(credential, parsed);
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("0123456789abcdefABCDE")]
    [InlineData("0123456789abcdefABCD.w")]
    [InlineData("../../etc")]
    [InlineData("{user:x}")]
    public void CredentialRejectsUserIdsThatAreNotOurs(string userId) =>
        Assert.False(SessionCredential.TryParse($"{userId}.{SessionToken.Create().Value}", out _));
}
