using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SessionMemoryTests(ComposeRedisFixture fixture) : IClassFixture<ComposeRedisFixture>
{
    private const string Chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

    [Fact]
    public async Task ATypicalSessionEntryCostsAtMost360BytesOfRedisMemory()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom("203.0.113.42");
        browser.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Chrome);
        // Own Redis per fixture, so the plain address is free; a 20-character email, as many are.
        await (await SignUpPage.OpenAsync(browser)).SubmitAsync("jane.doe@example.com", "Jane Doe", UserStories.Password);
        var key = Assert.Single(fixture.Redis.SessionKeysOf(RedisInspection.UserIdOf(browser.SessionCookie!)));

        var bytes = (long)fixture.Redis.Database.Execute("MEMORY", "USAGE", key);

        // 24 (dictionary entry) + 16 (object) + 64 (the 54-character key) + 256 (the hash's listpack, jemalloc-rounded):
        // a longer storage hash or one more stored field crosses into the next size class and fails here.
        Assert.InRange(bytes, 1, 360);
    }

    [Fact]
    public async Task EachFurtherSessionAddsAtMost40BytesToItsUsersIndex()
    {
        // The index is the other per-session cost a million sessions pay; a longer member would show here first.
        var first = fixture.Site.NewBrowser().ComingFrom("203.0.113.50");
        await (await SignUpPage.OpenAsync(first)).SubmitAsync("index.cost@example.com", "Index Cost", UserStories.Password);
        var index = RedisInspection.IndexKeyOf(RedisInspection.UserIdOf(first.SessionCookie!));
        var withOne = (long)fixture.Redis.Database.Execute("MEMORY", "USAGE", index);

        for (var i = 1; i < 10; i++)
            await UserStories.SignInAsync(fixture.Site.NewBrowser().ComingFrom($"203.0.113.{50 + i}"), "index.cost@example.com");
        Assert.Equal(10, fixture.Redis.Database.SortedSetLength(index));
        var withTen = (long)fixture.Redis.Database.Execute("MEMORY", "USAGE", index);

        Assert.InRange((withTen - withOne) / 9.0, 1, 40);
    }
}
