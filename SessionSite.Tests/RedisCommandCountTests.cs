using SessionSite.Redis;
using System.Net;
using SessionSite.Mail;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;

namespace SessionSite.Tests;

/// <summary>The hot path, counted by Redis itself (INFO commandstats), not by timing.</summary>
public sealed class RedisCommandCountTests(PrivateRedisFixture fixture) : IClassFixture<PrivateRedisFixture>
{
    // Connection upkeep, and the mail sender's background polling of its outbox (two commands per poll interval per
    // instance, whatever the traffic): neither is part of any request.
    private static readonly string[] Housekeeping =
    [
        "info", "ping", "echo", "client|setinfo", "client|setname", "cluster|nodes", "config|get", "subscribe", "select",
        "xpending", "xreadgroup", "xgroup|create",
    ];

    private async Task<long> CommandsDuringAsync(Func<Task> requests, string? only = null)
    {
        var before = await fixture.Redis.CommandCallsAsync();
        await requests();
        var after = await fixture.Redis.CommandCallsAsync();
        return after
            .Where(entry => !Housekeeping.Contains(entry.Key) && (only is null || entry.Key == only))
            .Sum(entry => entry.Value - before.GetValueOrDefault(entry.Key));
    }

    /// <summary>
    /// Signed up, and the welcome mail's sending (acknowledge, delete) and the fire-and-forget "account-created"
    /// activity entry (XADD, PEXPIRE) already over, so neither is counted.
    /// </summary>
    private async Task<Browser> SignedUpAsync()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        await Poll.UntilAsync(() => fixture.Redis.Database.StreamLength(MailOutbox.StreamKey) == 0, "the mail outbox to drain");
        var activity = RedisKeys.Activity(RedisInspection.UserIdOf(browser.SessionCookie!));
        await Poll.UntilAsync(() => fixture.Redis.Database.KeyTimeToLive(activity) is not null, "the sign-up's activity entry");
        return browser;
    }

    private static async Task RepeatAsync(Browser browser, string path, int times)
    {
        for (var i = 0; i < times; i++)
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData("/profile")]
    [InlineData("/account/delete")] // guarded by "confirm it's you": the confirmation time is in the session record
    public async Task SteadyStateSignedInPageCostsExactlyOneRedisCommand(string path)
    {
        var browser = await SignedUpAsync();

        var all = await CommandsDuringAsync(() => RepeatAsync(browser, path, 50));

        Assert.Equal(50, all);
        Assert.Equal(50, await CommandsDuringAsync(() => RepeatAsync(browser, path, 50), only: "hmget"));
    }

    /// <summary>The overview's statuses and the pending email change: the session read, then one read-only script (issue 24).</summary>
    [Theory]
    [InlineData("/account")]
    [InlineData("/account/email")]
    public async Task PagesThatReadTheAccountCostTheSessionReadAndOneScript(string path)
    {
        var browser = await SignedUpAsync();
        await RepeatAsync(browser, path, 1);

        var scripts = await CommandsDuringAsync(() => RepeatAsync(browser, path, 50), only: "evalsha");
        var all = await CommandsDuringAsync(() => RepeatAsync(browser, path, 50));

        Assert.Equal(50, scripts); // one script per request, run by its digest once loaded
        // Redis counts the commands a script runs too: the session read and the script's account read (HMGET),
        // then its counts of sessions, recovery codes and passkeys, its look at the links and at the activity.
        Assert.Equal(50 * 8, all);
    }

    [Fact]
    public async Task PagesThatDoNotNeedTheUserCostNoRedisCommand()
    {
        var signedIn = await SignedUpAsync();
        var anonymous = fixture.Site.NewBrowser();
        await anonymous.GetAsync("/");

        var commands = await CommandsDuringAsync(async () =>
        {
            await RepeatAsync(anonymous, "/", 10);
            await RepeatAsync(signedIn, "/css/site.css", 10);
            await RepeatAsync(signedIn, "/lib/bootstrap/dist/css/bootstrap.min.css", 10);
        });

        Assert.Equal(0, commands);
    }

    [Fact]
    public async Task PublicPageWithASessionCostsOneCommandForTheNavbar()
    {
        var browser = await SignedUpAsync();

        Assert.Equal(10, await CommandsDuringAsync(() => RepeatAsync(browser, "/", 10)));
    }
}
