using System.Net;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SessionCapTests(TwoSessionCapFixture fixture) : IClassFixture<TwoSessionCapFixture>
{
    [Fact]
    public async Task SignInPastTheCapEndsTheLeastRecentlyUsedSession()
    {
        var oldest = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(oldest);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        var middle = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(middle, email);
        fixture.Clock.Advance(TimeSpan.FromSeconds(5));
        // The oldest sign-in is now the most recently used: first-in-first-out would end it, LRU ends the middle one.
        Assert.Equal(HttpStatusCode.OK, (await oldest.GetAsync("/profile")).StatusCode);

        var newest = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(newest, email);

        Assert.Equal(HttpStatusCode.OK, (await oldest.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await middle.GetAsync("/profile")).StatusCode);
        Assert.Equal(2, (await SessionsPage.OpenAsync(newest)).Rows.Count);
    }
}
