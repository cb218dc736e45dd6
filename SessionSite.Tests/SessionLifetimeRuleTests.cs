using System.Net;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SessionLifetimeRuleTests(FakeClockSessionFixture fixture) : IClassFixture<FakeClockSessionFixture>
{
    [Fact]
    public async Task ActiveSessionSlidesPastIdleTimeoutButEndsAtAbsoluteLifetime()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var step = FakeClockSessionFixture.Idle * 2 / 3;

        for (var elapsed = step; elapsed < FakeClockSessionFixture.Absolute; elapsed += step)
        {
            fixture.Clock.Advance(step);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        }
        fixture.Clock.Advance(step);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task SessionUnusedForTheIdleTimeoutEndsAndOneUsedJustBeforeLivesOn()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        fixture.Clock.Advance(FakeClockSessionFixture.Idle - TimeSpan.FromSeconds(2));
        var justBefore = await fixture.Site.NewBrowser().WithSessionCookie(browser.SessionCookie!).GetAsync("/profile");
        fixture.Clock.Advance(FakeClockSessionFixture.Idle + TimeSpan.FromSeconds(1));
        var after = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, justBefore.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task ListShowsOnlyLiveSessionsAfterOthersExpire()
    {
        var idle = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(idle);
        fixture.Clock.Advance(FakeClockSessionFixture.Idle / 2);
        var active = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(active, email);

        fixture.Clock.Advance(FakeClockSessionFixture.Idle * 0.75);
        var sessions = await SessionsPage.OpenAsync(active);

        var row = Assert.Single(sessions.Rows);
        Assert.True(row.IsCurrent);
    }
}
