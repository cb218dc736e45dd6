using System.Net;
using Microsoft.Extensions.Logging;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class ProtectedPageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/profile", "/signin?returnUrl=%2Fprofile")]
    [InlineData("/sessions", "/signin?returnUrl=%2Fsessions")]
    [InlineData("/account/password", "/signin?returnUrl=%2Faccount%2Fpassword")]
    [InlineData("/profile?tab=1", "/signin?returnUrl=%2Fprofile%3Ftab%3D1")]
    public async Task AnonymousVisitorIsSentToSignInWithReturnUrl(string path, string expected)
    {
        var response = await fixture.Site.NewBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("not-base64!!")]
    [InlineData("0123456789abcdefABCDEw.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("0123456789abcdefABCDEw.tooshort")]
    public async Task UnknownOrMalformedCookieIsTreatedAsAnonymous(string cookie)
    {
        var browser = fixture.Site.NewBrowser().WithSessionCookie(cookie);

        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TamperedTokenIsRejected()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var cookie = browser.SessionCookie!;
        var last = cookie[^1];
        var tampered = cookie[..^1] + (last == 'A' ? 'B' : 'A');

        var thief = fixture.Site.NewBrowser().WithSessionCookie(tampered);

        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task TokenMovedToAnotherUserIdIsRejected()
    {
        var alice = fixture.Site.NewBrowser();
        var bob = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(alice);
        await UserStories.SignUpAsync(bob);
        var forged = $"{RedisInspection.UserIdOf(bob.SessionCookie!)}.{RedisInspection.TokenOf(alice.SessionCookie!)}";

        var thief = fixture.Site.NewBrowser().WithSessionCookie(forged);

        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task SignedInUserStaysSignedInAcrossPages()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser, "Margaret");

        var home = await HomePage.OpenAsync(browser);
        var profile = await ProfilePage.OpenAsync(browser);

        Assert.Equal("Margaret", home.SignedInName);
        Assert.Equal("Margaret", profile.DisplayName);
    }

    [Fact]
    public async Task AnonymousHomePageOffersSignInAndSignUp()
    {
        var home = await HomePage.OpenAsync(fixture.Site.NewBrowser());

        Assert.False(home.IsSignedIn);
        Assert.NotNull(home.Document.QuerySelector("#nav-signin"));
        Assert.NotNull(home.Document.QuerySelector("#nav-signup"));
    }

    [Fact]
    public async Task OrdinaryPagesSetNoCookies()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        await browser.GetAsync("/profile");

        var anonymous = await fixture.Site.NewBrowser().GetAsync("/");
        var signedIn = await browser.GetAsync("/profile");

        Assert.False(anonymous.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain(signedIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.Contains("sessionsite-flash"));
    }

    [Fact]
    public async Task ProtectedPagesAreNotCached()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        var response = await browser.GetAsync("/profile");

        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task SignedInPagesLogNoWarnings()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var logged = fixture.Site.Logs.Entries.Count;

        foreach (var path in new[] { "/", "/profile", "/sessions", "/account/password" })
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);

        // A warning per page view (antiforgery overriding our cache header did this) floods the log under load.
        Assert.DoesNotContain(fixture.Site.Logs.Entries.Skip(logged), e => e.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("junk")]
    [InlineData("0123456789abcdefABCDEw.tooshort")]
    public async Task AMalformedSessionCookieIsDeletedSoItIsNotMetAgain(string cookie)
    {
        var browser = fixture.Site.NewBrowser().WithSessionCookie(cookie);

        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var deletion = Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(Browser.SessionCookieName + "="));
        Assert.Contains("expires=Thu, 01 Jan 1970", deletion, StringComparison.OrdinalIgnoreCase);
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task ASessionWhoseAuthenticatedFlagIsFalseIsNotLetThrough()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var cookie = browser.SessionCookie!;
        var key = RedisKeys.Session(RedisInspection.UserIdOf(cookie), RedisInspection.StorageHashOf(cookie));
        var json = fixture.Redis.Database.HashGet(key, "data").ToString();
        Assert.Contains("\"a\":true", json);

        fixture.Redis.Database.HashSet(key, "data", json.Replace("\"a\":true", "\"a\":false"));
        var response = await browser.GetAsync("/profile");

        // Not signed in: on to the second step of its sign-in, not back to the password.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin/two-step", response.Headers.Location!.OriginalString);
    }
}
