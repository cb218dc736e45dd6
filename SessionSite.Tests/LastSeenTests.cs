using System.Net;
using System.Text.Json;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;

namespace SessionSite.Tests;

public sealed class LastSeenTests(QuickTouchFixture fixture) : IClassFixture<QuickTouchFixture>
{
    private long LastSeen(Browser browser)
    {
        var cookie = browser.SessionCookie!;
        var key = RedisInspection.SessionKeyOf(cookie);
        using var data = JsonDocument.Parse(fixture.Redis.Database.HashGet(key, "data").ToString());
        return data.RootElement.GetProperty("l").GetInt64();
    }

    [Fact]
    public async Task LastSeenIsWrittenOncePerTouchIntervalNotOnEveryRequest()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var signedUp = LastSeen(browser);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        Assert.Equal(signedUp, LastSeen(browser));

        fixture.Clock.Advance(QuickTouchFixture.TouchInterval + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        var touched = LastSeen(browser);
        Assert.True(touched > signedUp);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        Assert.Equal(touched, LastSeen(browser));
    }

    [Fact]
    public async Task TouchMovesTheIndexScoreWithTheEntry()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var member = RedisInspection.StorageHashOf(browser.SessionCookie!);
        var before = fixture.Redis.Database.SortedSetScore(RedisInspection.IndexKeyOf(userId), member);

        fixture.Clock.Advance(QuickTouchFixture.TouchInterval + TimeSpan.FromSeconds(1));
        await browser.GetAsync("/profile");

        var after = fixture.Redis.Database.SortedSetScore(RedisInspection.IndexKeyOf(userId), member);
        Assert.True(after > before);
        Assert.True(fixture.Redis.TimeToLive(RedisInspection.IndexKeyOf(userId)) > TimeSpan.FromMinutes(29));
    }

    [Fact]
    public async Task ATouchRacingARevokeDoesNotResurrectTheSession()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var member = RedisInspection.StorageHashOf(browser.SessionCookie!);
        fixture.Clock.Advance(QuickTouchFixture.TouchInterval + TimeSpan.FromSeconds(1));
        // As if a revoke ran between this request's read and its touch: the member is gone, the entry still there.
        fixture.Redis.Database.SortedSetRemove(RedisInspection.IndexKeyOf(userId), member);

        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(fixture.Redis.SessionKeysOf(userId));
    }
}
