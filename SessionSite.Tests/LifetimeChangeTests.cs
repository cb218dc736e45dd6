using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>README promises that a shorter lifetime in configuration applies to existing sessions too.</summary>
public sealed class LifetimeChangeTests(FakeClockFixture fixture) : IClassFixture<FakeClockFixture>
{
    [Fact]
    public async Task ASessionOlderThanAShortenedAbsoluteLifetimeSimplyEndsOnEveryPage()
    {
        var original = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(original);
        var cookie = original.SessionCookie!;
        // Another instance (or this one after a restart) now allows a second: the session above is older than that.
        await using var shortened = new SiteFactory(fixture.Redis, new Dictionary<string, string?>
        {
            ["Session:IdleTimeout"] = "00:00:01",
            ["Session:AbsoluteLifetime"] = "00:00:01",
            ["Session:TouchInterval"] = "00:00:00.100",
        }, clock: fixture.Clock);
        fixture.Clock.Advance(TimeSpan.FromSeconds(2)); // stamps are whole seconds: past created + 1 s for certain

        var signInBrowser = shortened.NewBrowser().WithSessionCookie(cookie);
        var signIn = await signInBrowser.GetAsync("/signin");
        var profile = await shortened.NewBrowser().WithSessionCookie(cookie).GetAsync("/profile");
        var onTheOriginalInstance = await fixture.Site.NewBrowser().WithSessionCookie(cookie).GetAsync("/profile");
        var userId = RedisInspection.UserIdOf(cookie);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.False(new SignInPage(signInBrowser, await Browser.ParseAsync(signIn)).IsSignedIn);
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, onTheOriginalInstance.StatusCode); // ended for every instance, not just one
        Assert.Empty(fixture.Redis.SessionKeysOf(userId));
        Assert.StartsWith("/signin?returnUrl=", profile.Headers.Location!.OriginalString);
    }
}
