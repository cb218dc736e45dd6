using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class PasswordPolicyTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("password1")]
    [InlineData("QWERTYUIOP")]
    [InlineData("iloveyou1")]
    public async Task CommonPasswordIsRefusedWithTheReason(string password)
    {
        var email = UserStories.NewEmail();

        var again = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, "Name", password);

        Assert.Contains("most common", again.FieldError("Password"));
        Assert.False(fixture.Redis.HasAccountFor(email));
    }

    [Fact]
    public async Task CommonPasswordIsRefusedOnPasswordChangeToo()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        var again = await (await ChangePasswordPage.OpenAsync(browser)).SubmitExpectingErrorsAsync(UserStories.Password, "password1");

        Assert.Contains("most common", again.FieldError("NewPassword"));
    }

    [Theory]
    [InlineData("  spaced out pässwörd 🙂  ")]
    [InlineData("ｆｕｌｌ　ｗｉｄｔｈ　パスワード")]
    [InlineData("a 64-character passphrase, which is long enough for anyone at all")]
    public async Task AnyCharactersCountAndNothingIsTrimmedOrFolded(string password)
    {
        var email = UserStories.NewEmail();
        await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitAsync(email, "Name", password);

        var exact = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(email, password);
        var trimmed = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(email, password.Trim().ToUpperInvariant());

        Assert.Equal(HttpStatusCode.Redirect, exact.StatusCode);
        Assert.Equal(HttpStatusCode.OK, trimmed.StatusCode);
    }

    [Fact]
    public async Task PasswordOf128CharactersIsAccepted()
    {
        var password = string.Concat(Enumerable.Repeat("abcdefgh", 16));

        var profile = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitAsync(UserStories.NewEmail(), "Long", password);

        Assert.Equal("Long", profile.DisplayName);
    }

    [Fact]
    public async Task WeakerOldHashIsUpgradedOnTheNextSuccessfulSignIn()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var accountKey = fixture.Redis.Keys(RedisInspection.AccountKeyOf("*")).Single(key => fixture.Redis.Database.HashGet(key, "email") == email);
        var oldHash = fixture.Redis.Database.HashGet(accountKey, "password").ToString();
        await using var stronger = new SiteFactory(fixture.Redis, new Dictionary<string, string?> { ["PasswordHashing:IterationCount"] = "2000" });

        await UserStories.SignInAsync(stronger.NewBrowser(), email);

        var newHash = fixture.Redis.Database.HashGet(accountKey, "password").ToString();
        Assert.NotEqual(oldHash, newHash);
        Assert.Equal(2000, IterationCount(newHash));
        Assert.Equal(1000, IterationCount(oldHash));
        Assert.Equal(email, (await UserStories.SignInAsync(stronger.NewBrowser(), email)).Email);
    }

    // PasswordHasher v3 layout: 0x01 | PRF (4 bytes) | iteration count (4 bytes, big-endian) | ...
    private static int IterationCount(string hash) =>
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(Convert.FromBase64String(hash).AsSpan(5, 4));
}
