using System.Net;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Two-step sign-in, with codes computed from the secret the page shows and a clock the tests move.</summary>
public sealed class TwoStepTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser(SiteFactory? site = null) => (site ?? fixture.Site).NewBrowser().ComingFrom(NewIp());

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    /// <summary>A signed-up account with two-step sign-in on; the clock moved to a fresh time step.</summary>
    private async Task<(Browser Browser, string Email, string Secret, IReadOnlyList<string> RecoveryCodes)> EnrolledAsync(SiteFactory? site = null)
    {
        var browser = NewBrowser(site);
        var (_, email) = await UserStories.SignUpAsync(browser);
        var (secret, codes) = await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(Now);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        return (browser, email, secret, codes);
    }

    private async Task<TwoStepSignInPage> PasswordAsync(Browser browser, string email, string password = UserStories.Password, string? returnUrl = null)
    {
        var signIn = await SignInPage.OpenAsync(browser, returnUrl is null ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var response = await signIn.PostAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin/two-step", response.Headers.Location!.OriginalString);
        return await TwoStepSignInPage.OpenAsync(browser, response.Headers.Location.OriginalString);
    }

    [Fact]
    public async Task EnrolmentShowsTheSecretAsTextQrCodeAndUriAndTurnsOnOnlyWithARightCode()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var page = await TwoStepEnrolPage.OpenAsync(browser);

        Assert.Matches("^[A-Z2-7]{32}$", page.Secret);
        Assert.StartsWith("data:image/png;base64,", page.QrSource);
        Assert.StartsWith("otpauth://totp/SessionSite:", page.OtpAuthUri);
        Assert.Contains($"secret={page.Secret}", page.OtpAuthUri);
        Assert.Contains("issuer=SessionSite", page.OtpAuthUri);

        var wrong = await page.PostAsync("000000");
        Assert.NotNull(new TwoStepEnrolPage(browser, await Browser.ParseAsync(wrong)).FieldError("Code"));
        Assert.False(fixture.Redis.Database.HashExists(RedisKeys.Account(userId), "totp"));

        var (secret, codes) = await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(Now);

        Assert.Equal(10, codes.Count);
        Assert.All(codes, code => Assert.Matches("^[a-z2-7]{6}(-[a-z2-7]{6}){3}$", code)); // 24 base32 characters: 120 bits
        var storedSecret = fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "totp").ToString();
        Assert.NotEmpty(storedSecret);
        Assert.DoesNotContain(secret, storedSecret);
        var storedCodes = fixture.Redis.Database.SetMembers(RedisKeys.RecoveryCodes(userId)).Select(v => v.ToString()).ToList();
        Assert.Equal(10, storedCodes.Count);
        Assert.Empty(storedCodes.Intersect(codes));
        Assert.Contains(await fixture.Smtp.WaitForAsync(email, count: 2), m => m.Subject == "Two-step sign-in on your SessionSite account changed");
        Assert.DoesNotContain(fixture.Site.Logs.Entries, e => e.Message.Contains(secret));
    }

    [Fact]
    public async Task APasswordGivesAHalfWaySessionThatEveryPageAndFormRefusesUntilTheCode()
    {
        var (owner, email, secret, _) = await EnrolledAsync();
        var browser = NewBrowser();
        var twoStep = await PasswordAsync(browser, email, returnUrl: "/sessions");
        var halfWay = browser.SessionCookie!;

        foreach (var path in new[] { "/profile", "/sessions", "/account", "/account/password", "/account/two-step" })
            Assert.Equal("/signin/two-step", (await browser.GetAsync(path)).Headers.Location?.OriginalString);
        var forged = await browser.Client.PostAsync("/sessions/revoke-all", new FormUrlEncodedContent([new("__RequestVerificationToken", twoStep.AntiforgeryToken)]));
        Assert.Equal("/signin/two-step", forged.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/profile")).StatusCode);

        var done = await twoStep.PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now));

        Assert.Equal("/sessions", done.Headers.Location?.OriginalString);
        Assert.NotEqual(halfWay, browser.SessionCookie);
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Site.NewBrowser().WithSessionCookie(halfWay).GetAsync("/profile")).StatusCode);
        var sessions = await SessionsPage.OpenAsync(browser);
        var current = sessions.Document.QuerySelector("tr.session-current");
        Assert.NotNull(current?.QuerySelector(".session-two-step"));
    }

    [Fact]
    public async Task ACodeIsAcceptedOnceEvenWithinItsWindow()
    {
        var (_, email, secret, _) = await EnrolledAsync();
        var code = TwoStepEnrolPage.CodeFor(secret, Now);
        var first = NewBrowser();
        Assert.Equal(HttpStatusCode.Redirect, (await (await PasswordAsync(first, email)).PostCodeAsync(code)).StatusCode);

        var second = NewBrowser();
        var replay = await (await PasswordAsync(second, email)).PostCodeAsync(code);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.NotNull(new TwoStepSignInPage(second, await Browser.ParseAsync(replay)).FieldError("Code"));
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("/profile", (await (await TwoStepSignInPage.OpenAsync(second)).PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now))).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ACodeFromTwoStepsAgoIsRefused()
    {
        var (_, email, secret, _) = await EnrolledAsync();
        var old = TwoStepEnrolPage.CodeFor(secret, Now - TimeSpan.FromSeconds(60));
        var browser = NewBrowser();

        var response = await (await PasswordAsync(browser, email)).PostCodeAsync(old);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task ARecoveryCodeSignsInOnce()
    {
        var (_, email, _, codes) = await EnrolledAsync();
        var first = NewBrowser();
        Assert.Equal("/profile", (await (await PasswordAsync(first, email)).PostRecoveryCodeAsync(codes[3])).Headers.Location?.OriginalString);

        var second = NewBrowser();
        var again = await (await PasswordAsync(second, email)).PostRecoveryCodeAsync(codes[3]);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.NotNull(new TwoStepSignInPage(second, await Browser.ParseAsync(again)).FieldError("RecoveryCode"));
        Assert.Contains("recovery-code-used", (await ActivityPage.OpenAsync(first)).Events);
    }

    [Fact]
    public async Task WrongCodesCountWithTheSignInThrottleAndTooManyEndTheHalfWaySession()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Throttling:AccountFailureLimit"] = "2" });
        var (_, email, _, _) = await EnrolledAsync(site);
        var browser = NewBrowser(site);
        var twoStep = await PasswordAsync(browser, email);
        await twoStep.PostCodeAsync("111111");
        await (await TwoStepSignInPage.OpenAsync(browser)).PostCodeAsync("222222");

        var third = await (await TwoStepSignInPage.OpenAsync(browser)).PostCodeAsync("333333");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Null(browser.SessionCookie);
        Assert.Equal("/signin", (await browser.GetAsync("/signin/two-step")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheHalfWaySessionLastsFiveMinutes()
    {
        var (_, email, secret, _) = await EnrolledAsync();
        var browser = NewBrowser();
        var twoStep = await PasswordAsync(browser, email);

        fixture.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        var late = await twoStep.PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now));

        Assert.Equal("/signin", late.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TurningItOffNeedsThePasswordAndThenSigningInAsksOnlyForThePassword()
    {
        var (browser, email, _, _) = await EnrolledAsync();
        var on = await browser.GetDocumentAsync("/account/two-step");
        var form = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(on.QuerySelector("#two-step-disable-form"));

        var wrong = await browser.SubmitAsync(form, new Dictionary<string, string> { ["CurrentPassword"] = "wrong password" });
        Assert.NotNull((await Browser.ParseAsync(wrong)).QuerySelector("#two-step-on"));
        form = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>((await browser.GetDocumentAsync("/account/two-step")).QuerySelector("#two-step-disable-form"));
        var off = await browser.SubmitAsync(form, new Dictionary<string, string> { ["CurrentPassword"] = UserStories.Password });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(off)).QuerySelector("#two-step-off"));

        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email)).Email);
        Assert.Contains("two-step-disabled", (await ActivityPage.OpenAsync(browser)).Events);
    }

    [Fact]
    public async Task NewRecoveryCodesReplaceTheOldOnes()
    {
        var (browser, email, _, oldCodes) = await EnrolledAsync();
        var form = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>((await browser.GetDocumentAsync("/account/two-step")).QuerySelector("#recovery-regenerate-form"));
        var page = await Browser.ParseAsync(await browser.SubmitAsync(form, new Dictionary<string, string> { ["CurrentPassword"] = UserStories.Password }));
        var newCodes = page.QuerySelectorAll("#recovery-codes .recovery-code").Select(li => li.TextContent.Trim()).ToList();

        var withOld = await (await PasswordAsync(NewBrowser(), email)).PostRecoveryCodeAsync(oldCodes[0]);
        var withNew = await (await PasswordAsync(NewBrowser(), email)).PostRecoveryCodeAsync(newCodes[0]);

        Assert.Equal(10, newCodes.Count);
        Assert.Empty(newCodes.Intersect(oldCodes));
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal("/profile", withNew.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task APasswordResetLeavesItOnAndTheNextSignInStillAsksForTheCode()
    {
        var (_, email, _, _) = await EnrolledAsync();
        await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(email);
        var reset = SmtpCatcher.LinkIn((await fixture.Smtp.WaitForAsync(email, count: 3)).Last(m => m.Subject?.Contains("Reset") == true), "/password/reset");
        var signIn = await (await ResetPasswordPage.OpenAsync(NewBrowser(), reset)).SubmitAsync("a passphrase after the reset");

        Assert.Null(signIn.Browser.SessionCookie);
        await PasswordAsync(NewBrowser(), email, "a passphrase after the reset");
    }
}
