using System.Net;
using System.Text.Json;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class ConcurrencyTests(PrivateRedisFixture fixture) : IClassFixture<PrivateRedisFixture>
{
    [Fact]
    public async Task HundredConcurrentSignUpsOfOneEmailMakeOneAccountAndTellTheRestItIsTaken()
    {
        var email = UserStories.NewEmail();
        var pages = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => SignUpPage.OpenAsync(fixture.Site.NewBrowser())));

        var responses = await Task.WhenAll(pages.Select(page => page.PostAsync(email, "Racer", UserStories.Password)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Redirect).ToList();
        Assert.Equal(99, refused.Count);
        foreach (var response in refused)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = new SignUpPage(fixture.Site.NewBrowser(), await Browser.ParseAsync(response));
            Assert.Contains("already exists", page.FieldError("Email"));
        }
        Assert.Single(fixture.Redis.Keys(RedisInspection.AccountKeyOf("*")), key => fixture.Redis.Database.HashGet(key, "email") == email);
    }

    [Fact]
    public async Task TwoHundredConcurrentRequestsOnOneSessionAllSucceedAndLeaveItConsistent()
    {
        // Every request re-writes the session here, so the writes race each other.
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?> { ["Session:TouchInterval"] = "00:00:00.001" });
        var browser = site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var cookie = browser.SessionCookie!;
        var userId = RedisInspection.UserIdOf(cookie);
        var expiryAtSignUp = ExpiryOf(Assert.Single(fixture.Redis.SessionKeysOf(userId)));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => browser.GetAsync(i % 2 == 0 ? "/profile" : "/sessions")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var member = Assert.Single(fixture.Redis.IndexMembersOf(userId));
        Assert.Equal(RedisInspection.StorageHashOf(cookie), member);
        var key = Assert.Single(fixture.Redis.SessionKeysOf(userId));
        var score = fixture.Redis.Database.SortedSetScore(RedisInspection.IndexKeyOf(userId), member);
        Assert.True(score >= ExpiryOf(key), "the index must not expire a session before its entry");
        Assert.True(ExpiryOf(key) > expiryAtSignUp, "the requests must have re-written (slid) the session");
    }

    private long ExpiryOf(string sessionKey)
    {
        using var data = JsonDocument.Parse(fixture.Redis.Database.HashGet(sessionKey, "data").ToString());
        return data.RootElement.GetProperty("x").GetInt64();
    }

    [Fact]
    public async Task SignOutRacingRequestsOnOneSessionNeverFails()
    {
        var browser = fixture.Site.NewBrowser();
        var (profile, _) = await UserStories.SignUpAsync(browser);
        var cookie = browser.SessionCookie!;
        var others = Enumerable.Range(0, 50).Select(_ => fixture.Site.NewBrowser().WithSessionCookie(cookie)).ToList();

        var requests = others.Select(other => other.GetAsync("/profile")).ToList();
        var signOut = profile.SignOutAsync();
        var responses = await Task.WhenAll(requests);
        await signOut;

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, r.StatusCode.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, (await others[0].GetAsync("/profile")).StatusCode);
        Assert.Empty(fixture.Redis.SessionKeysOf(RedisInspection.UserIdOf(cookie)));
    }
}
