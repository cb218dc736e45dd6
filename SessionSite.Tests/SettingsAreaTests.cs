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

    [Theory]
    [InlineData("/profile", "#nav-profile")]
    [InlineData("/account/password", "#nav-account")]
    [InlineData("/sessions", "#nav-sessions")]
    public async Task TheNameIsAMenuHoldingProfileSettingsSessionsAndSignOutMarkingWhereYouAre(string path, string current)
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser, "Menu Person");

        var page = await browser.GetDocumentAsync(path);

        var toggle = page.QuerySelector("#user-menu");
        Assert.Equal("dropdown", toggle?.GetAttribute("data-bs-toggle"));
        Assert.Equal("Menu Person", toggle!.QuerySelector("#nav-user")?.TextContent.Trim());
        var menu = toggle.ParentElement!.QuerySelector(".dropdown-menu")!;
        Assert.Equal(["nav-profile", "nav-account", "nav-sessions"], menu.QuerySelectorAll("a").Select(a => a.Id!));
        Assert.NotNull(menu.QuerySelector("form#signout-form button#signout-button"));
        Assert.Equal(current, "#" + Assert.Single(menu.QuerySelectorAll("[aria-current]")).Id);
    }

    [Fact]
    public async Task TheProfileLeadsToWhereItIsEdited()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);

        var profile = await browser.GetDocumentAsync("/profile");

        Assert.Equal("/account/profile", profile.QuerySelector("#profile-edit-link")?.GetAttribute("href"));
    }
}
