using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;

namespace SessionSite.Tests;

/// <summary>Issue 24 §1: every signed-in settings page shares one sidebar that marks the page you are on.</summary>
public sealed class SettingsAreaTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    public static TheoryData<string, string> SettingsPages => new()
    {
        // the page, the sidebar entry it belongs to
        { "/account", "/account" },
        { "/account/profile", "/account/profile" },
        { "/account/email", "/account/email" },
        { "/account/password", "/account/password" },
        { "/account/two-step", "/account/two-step" },
        { "/account/passkeys", "/account/passkeys" },
        { "/sessions", "/sessions" },
        { "/sessions/revoke-others", "/sessions" },
        { "/account/activity", "/account/activity" },
        { "/account/data", "/account/data" },
        { "/account/delete", "/account/delete" },
    };

    [Theory]
    [MemberData(nameof(SettingsPages))]
    public async Task EverySettingsPageHasTheSidebarWithExactlyItsOwnEntryCurrent(string path, string entry)
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);

        var page = await browser.GetDocumentAsync(path);

        var nav = page.QuerySelector("nav#settings-nav");
        Assert.NotNull(nav);
        Assert.Equal(10, nav.QuerySelectorAll("a[href]").Length);
        var current = Assert.Single(nav.QuerySelectorAll("[aria-current]"));
        Assert.Equal("page", current.GetAttribute("aria-current"));
        Assert.Equal(entry, current.GetAttribute("href"));
        Assert.Single(page.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task TheSidebarListsEverySettingsPageInOrder()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);

        var page = await browser.GetDocumentAsync("/account");

        Assert.Equal(
            ["/account", "/account/profile", "/account/email", "/account/password", "/account/two-step", "/account/passkeys", "/sessions", "/account/activity", "/account/data", "/account/delete"],
            page.QuerySelectorAll("#settings-nav a").Select(a => a.GetAttribute("href")!));
    }

    [Fact]
    public async Task ASubPageLeadsBackToItsSection()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);

        var page = await browser.GetDocumentAsync("/sessions/revoke-others");

        Assert.Equal("/sessions", page.QuerySelector("#settings-back")?.GetAttribute("href"));
    }

    [Fact]
    public async Task ConfirmItsYouAndTheSignedOutRecoveryAreNotInTheSettingsArea()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);
        var confirm = await browser.GetDocumentAsync("/account/confirm?returnUrl=%2Faccount%2Fdata");
        var recover = await Browser.ParseAsync(await NewBrowser().GetAsync("/account/recover?token=unknown"));

        Assert.NotNull(confirm.QuerySelector("#confirm-identity-form"));
        Assert.Null(confirm.QuerySelector("#settings-nav"));
        Assert.Null(recover.QuerySelector("#settings-nav"));
    }
}
