using System.Net;
using System.Text.Json;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Managing what the site holds: the account hub, the profile, the activity, the data, the account itself.</summary>
public sealed class AccountPagesTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser(SiteFactory? site = null) => (site ?? fixture.Site).NewBrowser().ComingFrom(NewIp());

    [Fact]
    public async Task TheNavbarLeadsToTheAccountPageAndItToEveryAccountPage()
    {
        var (profile, _) = await UserStories.SignUpAsync(NewBrowser());

        var account = await AccountPage.OpenAsync(profile.Browser);

        Assert.Equal("/account", profile.Document.QuerySelector("#nav-account")?.GetAttribute("href"));
        Assert.Equal(["/account/profile", "/account/email", "/account/password", "/account/two-step", "/account/passkeys", "/sessions", "/account/activity", "/account/data", "/account/delete"], account.Links);
    }

    [Fact]
    public async Task ANewNameReachesEverySessionOnEveryInstanceAtItsNextRequest()
    {
        await using var other = fixture.NewInstance();
        var onA = NewBrowser();
        var onB = NewBrowser(other);
        await UserStories.SignedInTwiceAsync(onA, onB);

        var saved = await (await EditProfilePage.OpenAsync(onA)).SaveAsync("Renamed Person");
        var seenOnB = await ProfilePage.OpenAsync(onB);

        Assert.Equal("Your profile has been saved.", saved.Flash);
        Assert.Equal("Renamed Person", saved.SignedInName);
        Assert.Equal("Renamed Person", seenOnB.DisplayName);
        Assert.Equal("Renamed Person", seenOnB.SignedInName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a\u200bb")]
    [InlineData("Line\r\nBreak")]
    public async Task ANameIsCheckedLikeAtSignUpAndABadOneChangesNothing(string name)
    {
        var (profile, _) = await UserStories.SignUpAsync(NewBrowser(), "Unchanged");

        var response = await (await EditProfilePage.OpenAsync(profile.Browser)).PostAsync(name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(new EditProfilePage(profile.Browser, await Browser.ParseAsync(response)).FieldError("DisplayName"));
        Assert.Equal("Unchanged", (await ProfilePage.OpenAsync(profile.Browser)).DisplayName);
    }

    [Fact]
    public async Task ActivityListsTheAccountsEventsNewestFirstWithDeviceAndIpAndNoSecret()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var phone = fixture.Site.NewBrowser().ComingFrom("198.51.100.23");
        phone.Client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile/15E148 Safari/604.1");
        await (await SignInPage.OpenAsync(phone)).PostAsync(email, "a wrong password");
        await UserStories.SignInAsync(phone, email);
        await (await EditProfilePage.OpenAsync(browser)).SaveAsync("Active Person");

        var activity = await ActivityPage.OpenAsync(browser);

        Assert.Equal(["profile-changed", "new-device", "signed-in", "sign-in-failed", "account-created"], activity.Events); // the phone is a browser the account had not used
        Assert.Contains("Safari on iOS", activity.RowTexts[1]);
        Assert.Contains("198.51.100.23", activity.RowTexts[1]);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var stored = string.Join(' ', fixture.Redis.Database.StreamRange(RedisKeys.Activity(userId)).SelectMany(e => e.Values).Select(v => v.Value.ToString()));
        Assert.DoesNotContain("a wrong password", stored);
        Assert.DoesNotContain(RedisInspection.TokenOf(phone.SessionCookie!), stored);
        Assert.DoesNotContain(RedisInspection.StorageHashOf(phone.SessionCookie!), stored);
        Assert.DoesNotContain(phone.Cookies.GetCookies(Browser.Site)["sessionsite.device"]!.Value, stored);
        Assert.InRange(fixture.Redis.TimeToLive(RedisKeys.Activity(userId))!.Value.TotalDays, 89.9, 90);
    }

    [Fact]
    public async Task TheActivityKeepsTheLast100Events()
    {
        var (profile, _) = await UserStories.SignUpAsync(NewBrowser());
        var userId = RedisInspection.UserIdOf(profile.Browser.SessionCookie!);
        // XADD MAXLEN ~ 100 trims whole stream nodes (100 entries each): past 200 events Redis must have dropped some.
        for (var i = 0; i < 210; i++)
            await (await EditProfilePage.OpenAsync(profile.Browser)).SaveAsync($"Name {i}");

        var activity = await ActivityPage.OpenAsync(profile.Browser);

        Assert.Equal(100, activity.Events.Count);
        Assert.InRange(fixture.Redis.Database.StreamLength(RedisKeys.Activity(userId)), 100, 200);
    }

    [Fact]
    public async Task DownloadingYourDataGivesAJsonFileWithoutThePasswordHash()
    {
        var first = NewBrowser();
        var second = NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        var userId = RedisInspection.UserIdOf(first.SessionCookie!);

        var response = await (await YourDataPage.OpenAsync(first)).DownloadDataAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("sessionsite-data.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var json = await response.Content.ReadAsStringAsync();
        using var data = JsonDocument.Parse(json);
        Assert.Equal(email, data.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(2, data.RootElement.GetProperty("sessions").GetArrayLength());
        Assert.Contains(data.RootElement.GetProperty("activity").EnumerateArray(), a => a.GetProperty("event").GetString() == "signed-in");
        var hash = fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "password").ToString();
        Assert.DoesNotContain(hash, json);
        Assert.DoesNotContain("password", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("data-downloaded", (await ActivityPage.OpenAsync(first)).Events[0]);
    }

    [Fact]
    public async Task SignOutEverywhereAsksFirstListingEverySessionThisOneToo()
    {
        var first = NewBrowser();
        var second = NewBrowser();
        await UserStories.SignedInTwiceAsync(first, second);
        var sessions = await SessionsPage.OpenAsync(first);

        var link = sessions.Document.QuerySelector("#revoke-all-link");
        var confirm = await first.GetDocumentAsync(link!.GetAttribute("href")!);

        Assert.Equal("/sessions/revoke-all", link.GetAttribute("href"));
        Assert.Null(sessions.Document.QuerySelector("form[action='/sessions/revoke-all']"));
        Assert.Equal("/sessions/revoke-all", confirm.QuerySelector("#confirm-revoke-all-form")?.GetAttribute("action"));
        Assert.Equal(2, confirm.QuerySelectorAll("#confirm-revoke-all-list li").Length);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/profile")).StatusCode); // asking signed nobody out
    }

    [Fact]
    public async Task SignOutEverywhereEndsEverySessionThisOneToo()
    {
        var first = NewBrowser();
        var second = NewBrowser();
        await UserStories.SignedInTwiceAsync(first, second);
        var sessions = await SessionsPage.OpenAsync(first);

        var response = await sessions.SignOutEverywhereAsync();
        var home = new HomePage(first, await first.FollowRedirectAsync(response, "/"));

        Assert.Equal("You have been signed out everywhere.", home.Flash);
        Assert.False(home.IsSignedIn);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/profile")).StatusCode);
    }
}
