using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.RealBrowser.Screens;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser;

/// <summary>The site in headless Chromium, under its real CSP, with axe-core on every page.</summary>
public sealed class BrowserTests(BrowserSiteFixture fixture) : IClassFixture<BrowserSiteFixture>
{
    private const string Password = "a browser-tested passphrase";

    private static string NewEmail() => $"browser-{Guid.NewGuid():N}@example.com";

    private static async Task<ProfileScreen> SignUpAsync(IPage page, string email, string name = "Playwright") =>
        await (await SignUpScreen.OpenAsync(page)).SignUpAsync(email, name, Password);

    private static async Task<ProfileScreen> SignInAsync(IPage page, string email, bool rememberMe = false) =>
        await (await SignInScreen.OpenAsync(page)).SignInAsync(email, Password, rememberMe);

    [Fact]
    public async Task SignUpSeeProfileAndSignOut()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var email = NewEmail();

        var profile = await SignUpAsync(page, email, "Ada Browser");

        await Expect(profile.Flash).ToContainTextAsync("Welcome, Ada Browser!");
        await Expect(profile.Email).ToHaveTextAsync(email);
        var home = await profile.SignOutAsync();
        await Expect(home.Flash).ToContainTextAsync("You have been signed out.");
        await Expect(home.SignInLink).ToBeVisibleAsync();
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
        var later = await ProfileScreen.OpenAsync(await context.NewPageAsync());

        await Expect(later.Email).ToHaveTextAsync(email);
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == "sessionsite");
        Assert.True(cookie.Expires > DateTimeOffset.UtcNow.AddDays(29).ToUnixTimeSeconds());
        Assert.True(cookie.HttpOnly);
    }

    [Fact]
    public async Task TwoBrowsersSeeEachOtherAndOneSignsTheOtherOut()
    {
        await using var alpha = await fixture.NewContextAsync();
        await using var beta = await fixture.NewContextAsync();
        var betaPage = await beta.NewPageAsync();
        var email = NewEmail();
        var alphaProfile = await SignUpAsync(await alpha.NewPageAsync(), email);
        await SignInAsync(betaPage, email);

        var sessions = await alphaProfile.GoToSessionsAsync();
        await Expect(sessions.Rows).ToHaveCountAsync(2);
        sessions = await sessions.SignOutAnotherSessionAsync();
        await Expect(sessions.Flash).ToContainTextAsync("has been signed out.");
        await Expect(sessions.Rows).ToHaveCountAsync(1);

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

        var profile = await (await PasswordScreen.OpenAsync(page)).ChangeAsync(Password, "an even newer passphrase");

        await Expect(profile.Flash).ToContainTextAsync("Your password has been changed");
        await otherPage.ReloadAsync();
        await Expect(new SignInScreen(otherPage).Form).ToBeVisibleAsync();
    }

    [Fact]
    public async Task EveryValidationErrorIsShownBesideItsFieldAndTheFirstGetsFocus()
    {
        await using var context = await fixture.NewContextAsync();
        var signUp = await SignUpScreen.OpenAsync(await context.NewPageAsync());

        await signUp.FillAsync("not-an-email", "", "short", "different");
        await signUp.SubmitAsync();

        foreach (var field in new[] { "Email", "DisplayName", "Password", "ConfirmPassword" })
        {
            await Expect(signUp.FieldError(field)).Not.ToBeEmptyAsync();
            await Expect(signUp.Field(field)).ToHaveAttributeAsync("aria-invalid", "true");
            Assert.Contains($"{field}-error", await signUp.Field(field).GetAttributeAsync("aria-describedby"));
        }
        await Expect(signUp.Field("Email")).ToBeFocusedAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(signUp.Page));
        await Screenshots.TakeAsync(signUp.Page, "signup-errors");
    }

    [Fact]
    public async Task PasswordCanBeShownAndHiddenAndTheHintFollowsItsLength()
    {
        await using var context = await fixture.NewContextAsync();
        var signUp = await SignUpScreen.OpenAsync(await context.NewPageAsync());
        var password = signUp.Field("Password");

        await password.FillAsync("abc");
        await Expect(signUp.PasswordHint).ToContainTextAsync("Too short");
        await signUp.PasswordToggle.ClickAsync();
        await Expect(password).ToHaveAttributeAsync("type", "text");
        await signUp.PasswordToggle.ClickAsync();
        await Expect(password).ToHaveAttributeAsync("type", "password");
        await password.FillAsync("a passphrase long enough");
        await Expect(signUp.PasswordHint).ToContainTextAsync("Strong length");
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
            await CheckAsync(page, "/password/forgot", "forgot-password");
            await CheckAsync(page, "/no-such-page", "not-found");
            await SignUpAsync(page, NewEmail(), "Screenshot Person");
            await CheckAsync(page, "/profile", "profile");
            await CheckAsync(page, "/sessions", "sessions");
            await CheckAsync(page, "/account/password", "password");
            await CheckAsync(page, "/account/email", "change-email");
            await CheckAsync(page, "/account", "account");
            await CheckAsync(page, "/account/profile", "edit-profile");
            await CheckAsync(page, "/account/activity", "activity");
            await CheckAsync(page, "/account/delete", "delete-account");
            await CheckAsync(page, "/account/two-step", "two-step");
            await CheckAsync(page, "/sessions/revoke-others", "confirm-revoke-others");
            await CheckAsync(page, "/account/confirm?returnUrl=%2Faccount%2Fdelete", "confirm-identity");
            await CheckAsync(page, "/", "home-signed-in");
            Assert.Empty(watch.Problems);
        }
    }

    [Fact]
    public async Task SignUpConfirmTheAddressForgetThePasswordAndResetItFromTheMail()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var email = NewEmail();

        var profile = await SignUpAsync(page, email, "Mail Reader");
        await Expect(page.Locator("#profile-email-status")).ToHaveAttributeAsync("data-verified", "false");
        var confirm = SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(email)), "/email/verify");
        await page.GotoAsync(confirm.PathAndQuery);
        await Expect(profile.Flash).ToContainTextAsync("Your email address is confirmed.");
        await Expect(page.Locator("#profile-email-status")).ToHaveAttributeAsync("data-verified", "true");
        await profile.SignOutAsync();

        var signIn = await SignInScreen.OpenAsync(page);
        await page.Locator("#forgot-link").ClickAsync();
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#forgot-submit").ClickAsync();
        await Expect(page.Locator("#forgot-sent")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "forgot-sent");
        var reset = SmtpCatcher.LinkIn((await fixture.Smtp.WaitForAsync(email, count: 2))[1], "/password/reset");
        await page.GotoAsync(reset.PathAndQuery);
        await page.Locator("#NewPassword").FillAsync("a passphrase from the mail");
        await page.Locator("#ConfirmNewPassword").FillAsync("a passphrase from the mail");
        await Screenshots.TakeAsync(page, "reset-password");
        await page.Locator("#reset-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await Expect(signIn.Flash).ToContainTextAsync("Your password has been reset. Please sign in.");
        var after = await (await SignInScreen.OpenAsync(page)).SignInAsync(email, "a passphrase from the mail");
        await Expect(after.Email).ToHaveTextAsync(email);
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task RenameSeeTheActivityAndDeleteTheAccount()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var email = NewEmail();
        await SignUpAsync(page, email, "Before Rename");

        await new HomeScreen(page).OpenUserMenuAsync();
        await page.Locator("#nav-account").ClickAsync();
        await page.Locator("#account-profile-link").ClickAsync();
        await page.Locator("#DisplayName").FillAsync("After Rename");
        await page.Locator("#profile-submit").ClickAsync();
        await Expect(page.Locator("#nav-user")).ToHaveTextAsync("After Rename");
        await page.Locator("#account-activity-link").ClickAsync();
        await Expect(page.Locator("tr.activity-row").First).ToHaveAttributeAsync("data-event", "profile-changed");
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await page.GotoAsync("/account/delete");
        await page.Locator("#ConfirmEmail").FillAsync(email);
        await page.Locator("#delete-submit").ClickAsync();

        await Expect(page.Locator("#account-deleted")).ToBeVisibleAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await Screenshots.TakeAsync(page, "account-deleted");
        await Expect(page.Locator("#nav-signin")).ToBeVisibleAsync();
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task TurnOnTwoStepSignInAndSignInWithACodeFromTheApp()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var email = NewEmail();
        await SignUpAsync(page, email);

        await page.GotoAsync("/account/two-step");
        await Expect(page.Locator("#totp-qr")).ToBeVisibleAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await Screenshots.TakeAsync(page, "two-step-enrol");
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
        await page.Locator("#Code").FillAsync(Pages.TwoStepEnrolPage.CodeFor(secret, DateTimeOffset.UtcNow));
        await page.Locator("#two-step-submit").ClickAsync();
        await Expect(page.Locator("#recovery-codes .recovery-code")).ToHaveCountAsync(10);
        await Screenshots.TakeAsync(page, "recovery-codes");
        await page.GotoAsync("/profile");
        await new ProfileScreen(page).SignOutAsync();

        await page.GotoAsync("/signin");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page.Locator("#two-step-signin-form")).ToBeVisibleAsync();
        Assert.Empty(await Accessibility.SeriousViolationsAsync(page));
        await Screenshots.TakeAsync(page, "two-step-signin");
        // The next time step, so the code differs from the one that turned it on (a code is accepted once).
        await page.Locator("#Code").FillAsync(Pages.TwoStepEnrolPage.CodeFor(secret, DateTimeOffset.UtcNow.AddSeconds(30)));
        await page.Locator("#two-step-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/profile$"));
        await Expect(page.Locator("#profile-email")).ToHaveTextAsync(email);
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task AFailedSignInTakesTheFocusToItsMessageAndAFixedFieldLosesItsOldMessage()
    {
        await using var context = await fixture.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#Email").FillAsync(NewEmail());
        await page.Locator("#Password").FillAsync("not the password");
        await page.Locator("#signin-submit").ClickAsync();

        await Expect(page.Locator("#signin-errors")).ToBeFocusedAsync();
        await Expect(page.Locator("#signin-errors")).ToHaveTextAsync("The email or password is incorrect.");

        var signUp = await SignUpScreen.OpenAsync(page);
        await signUp.FillAsync("not-an-email", "Name", Password);
        await signUp.SubmitAsync();
        await Expect(signUp.FieldError("Email")).ToHaveTextAsync("Enter an email address like name@example.com.");
        await signUp.Field("Email").FillAsync("fixed@example.com");
        await Expect(signUp.FieldError("Email")).ToBeEmptyAsync();
        await Expect(signUp.Field("Email")).Not.ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task OnAPhoneTheSignedInMenuIsReachableThroughTheTogglerAndSignsOut()
    {
        await using var context = await fixture.NewContextAsync(360, 740);
        var profile = await SignUpAsync(await context.NewPageAsync(), NewEmail());
        var signOut = profile.Page.Locator("#signout-button");
        await Expect(signOut).Not.ToBeVisibleAsync();

        await profile.OpenUserMenuAsync();
        await Expect(signOut).ToBeVisibleAsync();
        var home = await profile.SignOutAsync();

        await Expect(home.Flash).ToContainTextAsync("You have been signed out.");
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
