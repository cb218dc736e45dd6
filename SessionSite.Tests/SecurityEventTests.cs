using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SecurityEventTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private IEnumerable<CapturedLogs.Entry> Events(string userId) =>
        fixture.Site.Logs.Entries.Where(e => e.Category == typeof(SessionSite.Activity.SecurityLog).FullName && Equals(e.State.GetValueOrDefault("UserId"), userId));

    [Fact]
    public async Task EachSecurityEventIsLoggedWithUserAndClientIp()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom("203.0.113.7");
        var (_, email) = await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var other = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(other, email);
        await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(email, "wrong password");
        await (await SessionsPage.OpenAsync(browser)).RevokeOthersAsync();
        var profile = await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "another fine passphrase");
        await profile.SignOutAsync();

        var names = Events(userId).Select(e => e.EventId.Id).ToList();

        Assert.Equal([1001, 1002, 1040, 1006, 1007, 1005], names); // 1040: the other browser is a new device
        Assert.All(Events(userId).Where(e => e.EventId.Id is not (1002 or 1040)), e => Assert.Equal("203.0.113.7", e.State["ClientIp"]));
        Assert.Contains(fixture.Site.Logs.Entries, e => e.EventId.Id == 1003);
    }

    [Fact]
    public async Task NoLogEntryContainsAPasswordTokenOrTokenHash()
    {
        const string password = "a password nobody should log";
        var browser = fixture.Site.NewBrowser();
        var email = UserStories.NewEmail();
        await (await SignUpPage.OpenAsync(browser)).SubmitAsync(email, "Quiet", password);
        var cookie = browser.SessionCookie!;
        await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(email, "a wrong password to log");
        await browser.GetAsync("/profile");
        await (await ProfilePage.OpenAsync(browser)).SignOutAsync();

        var secrets = new[] { password, "a wrong password to log", RedisInspection.TokenOf(cookie), RedisInspection.StorageHashOf(cookie) };

        Assert.NotEmpty(fixture.Site.Logs.Entries);
        foreach (var entry in fixture.Site.Logs.Entries)
        {
            var text = entry.Message + string.Join(' ', entry.State.Values);
            Assert.DoesNotContain(secrets, secret => text.Contains(secret));
        }
    }
}
