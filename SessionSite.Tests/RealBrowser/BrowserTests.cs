using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser;

/// <summary>The site in headless Chromium, under its real CSP, with axe-core on every page.</summary>
public sealed class BrowserTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const string Password = "a browser-tested passphrase";

    private static string NewEmail() => $"browser-{Guid.NewGuid():N}@example.com";

    private static async Task SignUpAsync(IPage page, string email, string name = "Playwright")
    {
        await page.GotoAsync("/signup");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#DisplayName").FillAsync(name);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("#ConfirmPassword").FillAsync(Password);
        await page.Locator("#signup-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/profile$"));
    }

    private static async Task SignInAsync(IPage page, string email, string password = Password, bool rememberMe = false)
    {
        await page.GotoAsync("/signin");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        if (rememberMe)
            await page.Locator("#RememberMe").CheckAsync();
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/profile$"));
    }

    [Fact]
    public async Task SignUpSeeProfileAndSignOut()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var email = NewEmail();

        await SignUpAsync(page, email, "Ada Browser");

        await Expect(page.Locator("#flash-message")).ToContainTextAsync("Welcome, Ada Browser!");
        await Expect(page.Locator("#profile-email")).ToHaveTextAsync(email);
        await page.Locator("#signout-button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.Locator("#flash-message")).ToContainTextAsync("You have been signed out.");
        await Expect(page.Locator("#nav-signin")).ToBeVisibleAsync();
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task RememberedSignInSurvivesClosingThePage()
    {
        await using var setup = await fixture.NewContextAsync();
        var email = NewEmail();
        await SignUpAsync(await setup.NewPageAsync(), email);
        await using var context = await fixture.NewContextAsync();
        var first = await context.NewPageAsync();

        await SignInAsync(first, email, rememberMe: true);
        await first.CloseAsync();
        var later = await context.NewPageAsync();
        await later.GotoAsync("/profile");

        await Expect(later.Locator("#profile-email")).ToHaveTextAsync(email);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "sessionsite");
        Assert.True(cookie.Expires > DateTimeOffset.UtcNow.AddDays(29).ToUnixTimeSeconds());
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task TwoBrowsersSeeEachOtherAndOneSignsTheOtherOut()
    {
        await using var alpha = await fixture.NewContextAsync();
        await using var beta = await fixture.NewContextAsync();
        var alphaPage = await alpha.NewPageAsync();
        var betaPage = await beta.NewPageAsync();
        var email = NewEmail();
        await SignUpAsync(alphaPage, email);
        await SignInAsync(betaPage, email);

        await alphaPage.Locator("#nav-sessions").ClickAsync();
        await Expect(alphaPage.Locator("tr.session-row")).ToHaveCountAsync(2);
        await alphaPage.Locator("tr.session-row:not(.session-current) .revoke-button").ClickAsync();
        await Expect(alphaPage.Locator("#flash-message")).ToContainTextAsync("That session has been signed out.");
        await Expect(alphaPage.Locator("tr.session-row")).ToHaveCountAsync(1);

        await betaPage.GotoAsync("/profile");
        await Expect(betaPage).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fprofile$"));
    }

    [Fact]
    public async Task PasswordChangeSignsOutTheOtherBrowser()
    {
        await using var mine = await fixture.NewContextAsync();
        await using var other = await fixture.NewContextAsync();
        var page = await mine.NewPageAsync();
        var otherPage = await other.NewPageAsync();
        var email = NewEmail();
        await SignUpAsync(page, email);
        await SignInAsync(otherPage, email);

        await page.GotoAsync("/account/password");
        await page.Locator("#CurrentPassword").FillAsync(Password);
        await page.Locator("#NewPassword").FillAsync("an even newer passphrase");
        await page.Locator("#ConfirmNewPassword").FillAsync("an even newer passphrase");
        await page.Locator("#password-submit").ClickAsync();

        await Expect(page.Locator("#flash-message")).ToContainTextAsync("Your password has been changed");
        await otherPage.ReloadAsync();
        await Expect(otherPage.Locator("#signin-form")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EveryValidationErrorIsShownBesideItsFieldAndTheFirstGetsFocus()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signup");

        await page.Locator("#Email").FillAsync("not-an-email");
        await page.Locator("#Password").FillAsync("short");
        await page.Locator("#ConfirmPassword").FillAsync("different");
        await page.Locator("#signup-submit").ClickAsync();

        foreach (var field in new[] { "Email", "DisplayName", "Password", "ConfirmPassword" })
        {
            await Expect(page.Locator($"#{field}-error")).Not.ToBeEmptyAsync();
            await Expect(page.Locator($"#{field}")).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Contains($"{field}-error", await page.Locator($"#{field}").GetAttributeAsync("aria-describedby"));
        }
        await Expect(page.Locator("#Email")).ToBeFocusedAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await Screenshots.TakeAsync(page, "signup-errors");
    }

    [Fact]
    public async Task PasswordCanBeShownAndHiddenAndTheHintFollowsItsLength()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signup");
        var password = page.Locator("#Password");

        await password.FillAsync("abc");
        await Expect(page.Locator("#Password-hint")).ToContainTextAsync("Too short");
        await page.Locator("#Password ~ .password-toggle").ClickAsync();
        await Expect(password).ToHaveAttributeAsync("type", "text");
        await page.Locator("#Password ~ .password-toggle").ClickAsync();
        await Expect(password).ToHaveAttributeAsync("type", "password");
        await password.FillAsync("a passphrase long enough");
        await Expect(page.Locator("#Password-hint")).ToContainTextAsync("Strong length");
    }

    [Fact]
    public async Task EveryPageRendersCleanlyUnderTheCspPassesAxeAndIsPhotographed()
    {
        foreach (var (width, height) in new[] { (1280, 800), (390, 844) })
        {
            await using var context = await fixture.NewContextAsync(width, height);
            var page = await context.NewPageAsync();
            var watch = new PageWatch(page);
            await CheckAsync(page, "/", "home-anonymous");
            await CheckAsync(page, "/signin", "signin");
            await CheckAsync(page, "/signup", "signup");
            await CheckAsync(page, "/no-such-page", "not-found");
            await SignUpAsync(page, NewEmail(), "Screenshot Person");
            await CheckAsync(page, "/profile", "profile");
            await CheckAsync(page, "/sessions", "sessions");
            await CheckAsync(page, "/account/password", "password");
            await CheckAsync(page, "/", "home-signed-in");
            Assert.Empty(watch.Problems);
        }
    }

    [Fact]
    public async Task NavbarCollapsesOnANarrowScreen()
    {
        await using var context = await fixture.NewContextAsync(360, 740);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await Expect(page.Locator("#nav-signin")).Not.ToBeVisibleAsync();
        await page.Locator(".navbar-toggler").ClickAsync();
        await Expect(page.Locator("#nav-signin")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RedisOutageShowsTheFriendly503Page()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignUpAsync(page, NewEmail());

        fixture.Redis.StopProcess();
        try
        {
            var response = await page.GotoAsync("/profile");

            Assert.Equal(503, response!.Status);
            await Expect(page.Locator("#service-unavailable")).ToBeVisibleAsync();
            await Expect(page).ToHaveTitleAsync(new Regex("Temporarily unavailable"));
            Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
            await Screenshots.TakeAsync(page, "service-unavailable");
        }
        finally
        {
            await fixture.Redis.StartProcessAsync();
            await fixture.WaitUntilReadyAsync();
        }
    }

    private static async Task CheckAsync(IPage page, string path, string name)
    {
        await page.GotoAsync(path);
        await Expect(page).ToHaveTitleAsync(new Regex(" · SessionSite$"));
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await Screenshots.TakeAsync(page, name);
    }
}
