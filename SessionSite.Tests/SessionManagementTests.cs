using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SessionManagementTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private async Task<(Browser First, Browser Second, string Email)> SignedInTwiceAsync()
    {
        var (first, second) = (fixture.Site.NewBrowser(), fixture.Site.NewBrowser());
        return (first, second, await UserStories.SignedInTwiceAsync(first, second));
    }

    [Fact]
    public async Task TwoBrowsersEachSeeBothSessionsWithTheirOwnMarkedCurrent()
    {
        var (first, second, _) = await SignedInTwiceAsync();

        var fromFirst = await SessionsPage.OpenAsync(first);
        var fromSecond = await SessionsPage.OpenAsync(second);

        Assert.Equal(2, fromFirst.Rows.Count);
        Assert.Equal(2, fromSecond.Rows.Count);
        Assert.NotEqual(fromFirst.Current.Handle, fromSecond.Current.Handle);
        Assert.Equal(fromFirst.Rows.Select(r => r.Handle).Order(), fromSecond.Rows.Select(r => r.Handle).Order());
        Assert.All(fromFirst.Rows, row => Assert.Equal("127.0.0.1", row.Ip));
    }

    [Fact]
    public async Task ThePagesHandleIsNeitherTheStorageHashNorKeptInRedis()
    {
        // The handle is derived one-way from the storage hash, so the page shows nothing that names the key, and
        // the entry pays no bytes for it.
        var (first, _, _) = await SignedInTwiceAsync();
        var cookie = first.SessionCookie!;

        var handle = (await SessionsPage.OpenAsync(first)).Current.Handle;

        Assert.Matches("^[A-Za-z0-9_-]{12}$", handle);
        Assert.DoesNotContain(handle, RedisInspection.StorageHashOf(cookie));
        Assert.DoesNotContain(RedisInspection.StorageHashOf(cookie)[..8], handle);
        var stored = fixture.Redis.Values(RedisInspection.SessionKeyOf(cookie)).Select(v => v.ToString());
        Assert.All(stored, value => Assert.DoesNotContain(handle, value));
        Assert.Equal(handle, (await SessionsPage.OpenAsync(first)).Current.Handle);
    }

    [Fact]
    public async Task RevokedSessionsVeryNextRequestGoesToSignInAndLeavesNoOrphan()
    {
        var (first, second, _) = await SignedInTwiceAsync();
        var userId = RedisInspection.UserIdOf(first.SessionCookie!);
        var fromFirst = await SessionsPage.OpenAsync(first);
        var secondId = (await SessionsPage.OpenAsync(second)).Current.Handle;
        var revoked = Assert.Single(fromFirst.Rows, r => r.Handle == secondId);

        var after = await fromFirst.RevokeAsync(secondId);

        Assert.Equal($"{revoked.Device} ({revoked.Ip}) has been signed out.", after.Flash);
        Assert.Equal(after.Current, Assert.Single(after.Rows));
        var response = await second.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin?returnUrl=", response.Headers.Location!.OriginalString);
        var signIn = await SignInPage.OpenAsync(second, response.Headers.Location!.OriginalString);
        Assert.Equal("You were signed out from another device. Please sign in again.", signIn.Flash);
        Assert.Single(fixture.Redis.SessionKeysOf(userId));
        Assert.Single(fixture.Redis.IndexMembersOf(userId));
    }

    [Fact]
    public async Task SignOutAllOtherSessionsEndsAllButThisOne()
    {
        var (first, second, email) = await SignedInTwiceAsync();
        var third = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(third, email);

        var after = await (await SessionsPage.OpenAsync(second)).RevokeOthersAsync();

        Assert.StartsWith("2 other sessions have been signed out: ", after.Flash);
        Assert.True(Assert.Single(after.Rows).IsCurrent);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/profile")).StatusCode);
        Assert.Single(fixture.Redis.IndexMembersOf(RedisInspection.UserIdOf(second.SessionCookie!)));
    }

    [Fact]
    public async Task AUserCannotRevokeAnotherUsersSession()
    {
        var victim = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(victim);
        var victimSessionId = (await SessionsPage.OpenAsync(victim)).Current.Handle;
        var attacker = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(attacker);

        var response = await (await SessionsPage.OpenAsync(attacker)).PostRevokeOfAnyHandleAsync(victimSessionId);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/profile")).StatusCode);
        Assert.Single(fixture.Redis.IndexMembersOf(RedisInspection.UserIdOf(victim.SessionCookie!)));
    }

    [Fact]
    public async Task RevokingTheCurrentSessionByItsHandleSignsOut()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);
        var sessions = await SessionsPage.OpenAsync(browser);

        var response = await sessions.PostRevokeOfAnyHandleAsync(sessions.Current.Handle);

        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task SessionsPageDescribesTheDevice()
    {
        var browser = fixture.Site.NewBrowser();
        browser.Client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0");
        await UserStories.SignUpAsync(browser);

        var sessions = await SessionsPage.OpenAsync(browser);

        Assert.Equal("Firefox on Linux", sessions.Current.Device);
    }

    [Fact]
    public async Task SessionsPageIsLinkedFromNavbarAndProfile()
    {
        var browser = fixture.Site.NewBrowser();
        var (profile, _) = await UserStories.SignUpAsync(browser);

        Assert.Equal("/sessions", profile.Document.QuerySelector("#nav-sessions")?.GetAttribute("href"));
        Assert.Equal("/sessions", profile.Document.QuerySelector("#profile-sessions-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task RememberMeCookiePersistsAndAPlainOneDoesNot()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var plain = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(email, UserStories.Password);
        var remembered = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(email, UserStories.Password, rememberMe: true);

        var plainCookie = Assert.Single(plain.Headers.GetValues("Set-Cookie"), h => h.StartsWith("sessionsite="));
        var rememberedCookie = Assert.Single(remembered.Headers.GetValues("Set-Cookie"), h => h.StartsWith("sessionsite="));

        Assert.DoesNotContain("expires=", plainCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("max-age=", plainCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", rememberedCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RememberedSessionLivesLongerInRedis()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(browser, email, rememberMe: true);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var hash = RedisInspection.StorageHashOf(browser.SessionCookie!);

        var ttl = fixture.Redis.TimeToLive(SessionSite.Redis.RedisKeys.Session(userId, hash));

        Assert.InRange(ttl!.Value, TimeSpan.FromDays(6.9), TimeSpan.FromDays(7).Add(TimeSpan.FromSeconds(1)));
        Assert.True(browser.SessionCookieDetails!.Expires > DateTime.Now.AddDays(29));
    }
}
