using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

public sealed class SessionStorageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task RedisKeyIsTheTokensHashAndTheTokenIsStoredNowhere()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var cookie = browser.SessionCookie!;
        var token = RedisInspection.TokenOf(cookie);
        var userId = RedisInspection.UserIdOf(cookie);
        var hash = Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(token)).AsSpan(0, 16)); // its first 128 bits

        var key = Assert.Single(fixture.Redis.SessionKeysOf(userId));

        Assert.Equal($"{{user:{userId}}}:s:{hash}", key);
        Assert.Empty(fixture.Redis.Keys($"*{token}*"));
        Assert.DoesNotContain(fixture.Redis.Values(key), value => value.ToString().Contains(token));
        Assert.DoesNotContain(fixture.Redis.IndexMembersOf(userId), member => member.Contains(token));
    }

    [Fact]
    public async Task EntryHoldsTheSignedInUserAndExpiresWithinTheIdleTimeout()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser, "Barbara");
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);

        var key = Assert.Single(fixture.Redis.SessionKeysOf(userId));
        var data = fixture.Redis.Database.HashGet(key, "data").ToString();

        Assert.Contains($"\"u\":\"{userId}\"", data);
        Assert.Contains($"\"e\":\"{email}\"", data);
        Assert.Contains("\"n\":\"Barbara\"", data);
        Assert.Contains("\"a\":true", data);
        var ttl = fixture.Redis.TimeToLive(key);
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(29), TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task CookieIsHttpOnlyLaxRootPathWithoutDomain()
    {
        var browser = fixture.Site.NewBrowser();
        var page = await Pages.SignUpPage.OpenAsync(browser);

        var response = await page.PostAsync(UserStories.NewEmail(), "Cookie", UserStories.Password);

        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith("sessionsite="));
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires=", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ACorruptSessionEntryIsLoggedWithoutItsKeyAndTreatedAsSignedOut()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var cookie = browser.SessionCookie!;
        var key = RedisInspection.SessionKeyOf(cookie);
        fixture.Redis.Database.HashSet(key, "data", "{not json");
        var before = fixture.Site.Logs.Entries.Count;

        var response = await browser.GetAsync("/profile");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var logged = Assert.Single(fixture.Site.Logs.Entries.Skip(before), e => e.EventId.Id == 3001);
        Assert.DoesNotContain(RedisInspection.StorageHashOf(cookie), logged.Message);
        Assert.DoesNotContain(RedisInspection.UserIdOf(cookie), logged.Message);
    }
}
