using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;

namespace SessionSite.Tests;

public sealed class SessionExpiryTests(ShortSessionFixture fixture) : IClassFixture<ShortSessionFixture>
{
    [Fact]
    public async Task IdleSessionExpiresAndRedisDeletesIt()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);

        await Task.Delay(ShortSessionFixture.Idle + TimeSpan.FromSeconds(1.5));
        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location!.OriginalString);
        Assert.Empty(fixture.Redis.SessionKeysOf(userId));
    }

    [Fact]
    public async Task ExpiredSessionsLeaveTheListAndTheIndexWithoutAnyRequest()
    {
        var idle = fixture.Site.NewBrowser();
        var active = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(idle, active);
        var userId = RedisInspection.UserIdOf(active.SessionCookie!);
        var indexKey = RedisInspection.IndexKeyOf(userId);
        Assert.Equal(2, fixture.Redis.IndexMembersOf(userId).Count);
        Assert.NotNull(fixture.Redis.TimeToLive(indexKey));

        await Task.Delay(ShortSessionFixture.Idle + TimeSpan.FromSeconds(1.5));

        Assert.Empty(fixture.Redis.SessionKeysOf(userId));
        Assert.False(fixture.Redis.Database.KeyExists(indexKey));
    }
}
