using Microsoft.Playwright;
using SessionSite.Tests.RealBrowser.Screens;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser;

/// <summary>Issue 24: the settings area and its look in headless Chromium, in both colour schemes, under the real CSP.</summary>
public sealed class SettingsLookTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const string Password = "a browser-tested passphrase";

    private static readonly (string Path, string Name)[] SettingsPages =
    [
        ("/account", "settings-overview"), ("/account/profile", "settings-profile"), ("/account/email", "settings-email"),
        ("/account/password", "settings-password"), ("/account/two-step", "settings-two-step"), ("/account/passkeys", "settings-passkeys"),
        ("/sessions", "settings-sessions"), ("/account/activity", "settings-activity"), ("/account/data", "settings-data"),
        ("/account/delete", "settings-delete"),
    ];

    private static async Task SignUpAsync(IPage page) =>
        await (await SignUpScreen.OpenAsync(page)).SignUpAsync($"look-{Guid.NewGuid():N}@example.com", "Look Person", Password);

    public static TheoryData<int, int, bool> Looks => new() { { 1280, 800, false }, { 390, 844, false }, { 1280, 800, true } };

    [Theory]
    [MemberData(nameof(Looks))]
    public async Task EverySettingsPageHasTheSidebarMarkingItselfPassesAxeAndIsPhotographed(int width, int height, bool dark)
    {
        await using var context = await fixture.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        if (dark)
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        var watch = new PageWatch(page);
        await SignUpAsync(page);

        foreach (var (path, name) in SettingsPages)
        {
            await page.GotoAsync(path);
            var nav = page.Locator("nav#settings-nav");
            await Expect(nav).ToBeVisibleAsync();
            await Expect(nav.Locator("[aria-current=page]")).ToHaveCountAsync(1);
            await Expect(nav.Locator("[aria-current=page]")).ToHaveAttributeAsync("href", path);
            await Expect(page.Locator("h1")).ToHaveCountAsync(1);
            Assert.True(await nav.EvaluateAsync<bool>("n => n.scrollWidth <= n.clientWidth"), $"the sidebar scrolls sideways on {path}");
            Assert.Equal(dark ? "dark" : "light", await page.Locator("html").GetAttributeAsync("data-bs-theme"));
            var violations = await Accessibility.SeriousViolationsAsync(page);
            Assert.True(violations.Count == 0, $"{path}: {string.Join("; ", violations)}");
            await Screenshots.TakeAsync(page, dark ? $"{name}-dark" : name);
        }
        await page.GotoAsync("/");
        await Screenshots.TakeAsync(page, dark ? "home-signed-in-dark" : "home-signed-in");
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task DarkModeFollowsTheSystemWithoutInlineScript()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync("/signin");
        var darkBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-bs-theme", "light");
        var lightBackground = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

        Assert.Equal("rgb(22, 24, 28)", darkBackground);
        Assert.Equal("rgb(255, 255, 255)", lightBackground);
        Assert.Empty(watch.Problems); // a CSP violation (an inline script) would be one
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task KeyboardFocusShowsA3PixelOutlineOnInputsAndButtons(bool dark)
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        if (dark)
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.GotoAsync("/signin");

        await page.Locator("#Email").FocusAsync();
        var input = await OutlineAsync(page);
        for (var i = 0; i < 10 && await page.EvaluateAsync<string>("() => document.activeElement.id") != "signin-submit"; i++)
            await page.Keyboard.PressAsync("Tab"); // :focus-visible on a button comes from the keyboard
        var button = await OutlineAsync(page);

        Assert.Equal("solid 3px", input);
        Assert.Equal("signin-submit solid 3px", button);
    }

    private static Task<string> OutlineAsync(IPage page) => page.EvaluateAsync<string>("""
        () => { const e = document.activeElement, s = getComputedStyle(e);
                return (e.id === 'signin-submit' ? e.id + ' ' : '') + s.outlineStyle + ' ' + s.outlineWidth; }
        """);

    [Fact]
    public async Task SessionsShowADeviceIconFromTheLocalIconFont()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await SignUpAsync(page);

        await page.GotoAsync("/sessions");
        var icon = page.Locator("tr.session-current .session-device-icon");

        await Expect(icon).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bi-laptop"));
        Assert.Equal("bootstrap-icons", (await icon.EvaluateAsync<string>("e => getComputedStyle(e, '::before').fontFamily")).Trim('"'));
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('1em bootstrap-icons')"));
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task RecoveryCodesAreCopiedAndDownloadedAsAFileBuiltInTheBrowser()
    {
        await using var context = await fixture.NewContextAsync();
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        await SignUpAsync(page);
        await page.GotoAsync("/account/two-step");
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
        await page.Locator("#Code").FillAsync(Pages.TwoStepEnrolPage.CodeFor(secret, DateTimeOffset.UtcNow));
        await page.Locator("#two-step-submit").ClickAsync();
        await Expect(page.Locator("#recovery-codes .recovery-code")).ToHaveCountAsync(10);
        var codes = (await page.Locator("#recovery-codes .recovery-code").AllTextContentsAsync()).Select(c => c.Trim()).ToList();

        await page.Locator("#recovery-codes-copy").ClickAsync();
        await Expect(page.Locator("#recovery-codes-status")).ToContainTextAsync("Copied");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#recovery-codes-download").ClickAsync());
        var file = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.Equal("sessionsite-recovery-codes.txt", download.SuggestedFilename);
        Assert.All(codes, code => Assert.Matches("^[a-z2-7]{4}(-[a-z2-7]{4}){5}$", code));
        Assert.All(codes, code => Assert.Contains(code, copied));
        Assert.All(codes, code => Assert.Contains(code, file));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await Screenshots.TakeAsync(page, "settings-recovery-codes");
        Assert.Empty(watch.Problems);
    }
}
