using System.Net;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

public sealed class SignOutTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task SignOutEndsTheSessionAndClearsTheCookie()
    {
        var browser = fixture.Site.NewBrowser();
        var (profile, _) = await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);

        var home = await profile.SignOutAsync();

        Assert.False(home.IsSignedIn);
        Assert.Equal("You have been signed out.", home.Flash);
        Assert.Null(browser.SessionCookie);
        Assert.Empty(fixture.Redis.SessionKeysOf(userId));
        Assert.Empty(fixture.Redis.IndexMembersOf(userId));
    }

    [Fact]
    public async Task ReplayedCookieAfterSignOutIsRejected()
    {
        var browser = fixture.Site.NewBrowser();
        var (profile, _) = await UserStories.SignUpAsync(browser);
        var stolen = browser.SessionCookie!;
        await profile.SignOutAsync();

        var thief = fixture.Site.NewBrowser().WithSessionCookie(stolen);
        var response = await thief.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fprofile", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task GetOnSignOutShowsAButtonAndDoesNotSignOut()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        var response = await browser.GetAsync("/signout");
        var page = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(page.QuerySelector("#signout-page form[action='/signout'][method='post'] input[name='__RequestVerificationToken']"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task TheButtonOfTheSignOutPageSignsOut()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var page = await browser.GetDocumentAsync("/signout");

        var response = await browser.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#signout-page form")!);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/profile")).StatusCode);
    }
}
