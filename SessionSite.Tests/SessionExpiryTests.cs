using System.Net;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

/// <summary>A site whose sessions last seconds, so Redis itself can be watched deleting them (the rules run on a fake clock in SessionLifetimeRuleTests).</summary>
public sealed class ShortSessionFixture : SiteFixture
{
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan Absolute = TimeSpan.FromSeconds(7);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Session:IdleTimeout"] = Idle.ToString(),
        ["Session:AbsoluteLifetime"] = Absolute.ToString(),
        ["Session:RememberMeIdleTimeout"] = Idle.ToString(),
        ["Session:RememberMeLifetime"] = Absolute.ToString(),
    };
}

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
        var (_, email) = await UserStories.SignUpAsync(idle);
        var active = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(active, email);
        var userId = RedisInspection.UserIdOf(active.SessionCookie!);
        var indexKey = $"{{user:{userId}}}:sessions";
        Assert.Equal(2, fixture.Redis.IndexMembersOf(userId).Count);
        Assert.NotNull(fixture.Redis.TimeToLive(indexKey));

        await Task.Delay(ShortSessionFixture.Idle + TimeSpan.FromSeconds(1.5));

        Assert.Empty(fixture.Redis.SessionKeysOf(userId));
        Assert.False(fixture.Redis.Database.KeyExists(indexKey));
    }
}
