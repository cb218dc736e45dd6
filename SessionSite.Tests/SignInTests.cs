using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SignInTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task CanSignInWithPreviouslySignedUpUser()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser(), "Linus");

        var profile = await UserStories.SignInAsync(fixture.Site.NewBrowser(), email);

        Assert.Equal(email, profile.Email);
        Assert.Equal("Linus", profile.SignedInName);
    }

    [Fact]
    public async Task AnAccountWithAHexIdFromBeforeBase64UrlIdsStillSignsInAndStaysSignedIn()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser(), "Grace");
        var db = fixture.Redis.Database;
        var newId = db.StringGet($"email:{email}").ToString();
        var legacyId = Guid.NewGuid().ToString("N");
        var fields = db.HashGetAll(RedisInspection.AccountKeyOf(newId)).Select(f => f.Name == "id" ? new StackExchange.Redis.HashEntry("id", legacyId) : f).ToArray();
        db.HashSet(RedisInspection.AccountKeyOf(legacyId), fields);
        db.StringSet($"email:{email}", legacyId);
        db.KeyDelete(RedisInspection.AccountKeyOf(newId));

        var browser = fixture.Site.NewBrowser();
        var profile = await UserStories.SignInAsync(browser, email);

        Assert.Equal("Grace", profile.SignedInName);
        Assert.StartsWith(legacyId + ".", browser.SessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sessions")).StatusCode);
    }

    [Fact]
    public async Task EmailMatchesWhateverCaseAndSurroundingSpaces()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        var profile = await UserStories.SignInAsync(fixture.Site.NewBrowser(), $" {email.ToUpperInvariant()}  ");

        Assert.Equal(email, profile.Email);
    }

    [Fact]
    public async Task WrongPasswordAndUnknownEmailGetTheSameGenericMessage()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        var wrongPassword = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, "not the password");
        var unknownEmail = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(UserStories.NewEmail(), "not the password");

        Assert.Equal("The email or password is incorrect.", wrongPassword.Error);
        Assert.Equal(wrongPassword.Error, unknownEmail.Error);
        Assert.False(wrongPassword.IsSignedIn);
        Assert.Null(wrongPassword.Browser.SessionCookie);
    }

    [Fact]
    public async Task SignInIssuesNewTokenAndThePlantedOldOneIsDead()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var attacker = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(attacker, email);
        var planted = attacker.SessionCookie!;
        var victim = fixture.Site.NewBrowser().WithSessionCookie(planted);

        await UserStories.SignInAsync(victim, email);

        Assert.NotEqual(planted, victim.SessionCookie);
        var replay = await attacker.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Empty(fixture.Redis.Keys($"*{RedisInspection.TokenOf(planted)}*"));
    }

    [Fact]
    public async Task SignInReturnsToTheLocalPageThatAskedForIt()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var browser = fixture.Site.NewBrowser();
        var redirect = await browser.GetAsync("/sessions");
        var signIn = await SignInPage.OpenAsync(browser, redirect.Headers.Location!.OriginalString);

        var response = await signIn.PostAsync(email, UserStories.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sessions", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https:evil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("/profile\r\nSet-Cookie: x=y")]
    [InlineData("javascript:alert(1)")]
    public async Task NonLocalReturnUrlIsIgnored(string returnUrl)
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var signIn = await SignInPage.OpenAsync(fixture.Site.NewBrowser(), $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");

        var response = await signIn.PostAsync(email, UserStories.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/profile", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EmptySignInFormShowsFieldMessages()
    {
        var page = await SignInPage.OpenAsync(fixture.Site.NewBrowser());

        var again = await page.SubmitExpectingErrorsAsync("", "");

        Assert.NotNull(again.FieldError("Email"));
        Assert.NotNull(again.FieldError("Password"));
    }

    [Theory]
    [InlineData("/caf\u00e9", "/caf%C3%A9")]
    [InlineData("/sessions?q=\u00fc", "/sessions?q=%C3%BC")]
    [InlineData("/\uff0fevil.example", "/%EF%BC%8Fevil.example")]
    [InlineData("/a\u3000b", "/profile")]
    [InlineData("/a\u2028b", "/profile")]
    [InlineData("/a\u200bb", "/profile")]
    public async Task NonAsciiReturnUrlIsEncodedOrRefusedBeforeAnySessionExists(string returnUrl, string expectedLocation)
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var browser = fixture.Site.NewBrowser();
        var signIn = await SignInPage.OpenAsync(browser, $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");

        var response = await signIn.PostAsync(email, UserStories.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expectedLocation, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }
}
