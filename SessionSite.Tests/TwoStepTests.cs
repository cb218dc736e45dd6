using System.Net;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Two-step sign-in, with codes computed from the secret the page shows and a clock the tests move.</summary>
public sealed class TwoStepTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const int SecondStepFailureLimit = 10; // the default
    private const string SecondStepWarning = "Someone signed in with your SessionSite password but not the code";
    private static readonly TimeSpan SecondStepWindow = TimeSpan.FromMinutes(15);

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
        Assert.All(codes, code => Assert.Matches("^[a-z2-7]{4}(-[a-z2-7]{4}){5}$", code)); // 24 base32 characters: 120 bits, in groups of four
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
        // Well past enrolment, so every step tried here is fresh to the replay guard: only the drift window can refuse it.
        fixture.Clock.Advance(TimeSpan.FromMinutes(5));
        var browser = NewBrowser();
        var page = await PasswordAsync(browser, email);

        var twoAgo = await page.PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now - TimeSpan.FromSeconds(60)));
        var twoAhead = await page.PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now + TimeSpan.FromSeconds(60)));
        var oneAgo = await page.PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now - TimeSpan.FromSeconds(30)));

        Assert.Equal(HttpStatusCode.OK, twoAgo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, twoAhead.StatusCode);
        Assert.Equal("/profile", oneAgo.Headers.Location?.OriginalString);
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
    public async Task TooManyWrongCodesEndTheHalfWaySession()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Throttling:SecondStepFailureLimit"] = "2" });
        var (_, email, _, _) = await EnrolledAsync(site);
        var browser = NewBrowser(site);
        var twoStep = await PasswordAsync(browser, email);
        await twoStep.PostCodeAsync("111111");
        await (await TwoStepSignInPage.OpenAsync(browser)).PostCodeAsync("222222");

        var third = await (await TwoStepSignInPage.OpenAsync(browser)).PostCodeAsync("333333");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
        Assert.NotNull((await Browser.ParseAsync(third)).QuerySelector("#too-many-attempts"));
        Assert.Null(browser.SessionCookie);
        Assert.Equal("/signin", (await browser.GetAsync("/signin/two-step")).Headers.Location?.OriginalString);
    }

    /// <summary>Wrong codes up to the limit, each answered as a wrong code; returns the half-way browser.</summary>
    private async Task<Browser> WrongCodesAsync(string email, int count, string ip)
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(ip);
        await PasswordAsync(browser, email);
        for (var i = 0; i < count; i++)
            Assert.Equal(HttpStatusCode.OK, (await (await TwoStepSignInPage.OpenAsync(browser)).PostCodeAsync("000000")).StatusCode);
        return browser;
    }

    [Fact]
    public async Task TheSecondStepCountSurvivesARightPassword()
    {
        var (owner, email, _, _) = await EnrolledAsync();
        var ip = NewIp();
        await WrongCodesAsync(email, SecondStepFailureLimit, ip);
        var browser = fixture.Site.NewBrowser().ComingFrom(ip);
        var twoStep = await PasswordAsync(browser, email);

        var oneMore = await twoStep.PostCodeAsync("000000");

        Assert.Equal(HttpStatusCode.TooManyRequests, oneMore.StatusCode);
        Assert.InRange(oneMore.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, SecondStepWindow.TotalSeconds);
        Assert.Null(browser.SessionCookie);
        var events = (await ActivityPage.OpenAsync(owner)).Events;
        Assert.Equal(SecondStepFailureLimit, events.Count(e => e == "second-step-failed"));
        Assert.Single(events, "second-step-locked");
    }

    [Fact]
    public async Task PastTheLimitEvenTheRightCodeIsRefusedUntilTheWindowPasses()
    {
        var (_, email, secret, _) = await EnrolledAsync();
        await WrongCodesAsync(email, SecondStepFailureLimit, NewIp());

        var refused = await (await PasswordAsync(NewBrowser(), email)).PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now));
        fixture.Clock.Advance(SecondStepWindow + TimeSpan.FromSeconds(30));
        var accepted = await (await PasswordAsync(NewBrowser(), email)).PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("/profile", accepted.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task FiveWrongCodesInARowWarnTheOwnerOncePerWindow()
    {
        var (_, email, _, _) = await EnrolledAsync();
        var ip = NewIp();
        var browser = await WrongCodesAsync(email, 5, ip);
        var first = Assert.Single(await WarningsAsync(email, 1));
        for (var i = 0; i < SecondStepFailureLimit - 6; i++)
            await (await TwoStepSignInPage.OpenAsync(browser)).PostCodeAsync("000000");
        await MailMarker.SendAsync(fixture.Smtp, NewBrowser(), email);
        Assert.Single(Warnings(email));

        fixture.Clock.Advance(SecondStepWindow + TimeSpan.FromSeconds(30));
        await WrongCodesAsync(email, 5, ip);

        Assert.Equal(2, (await WarningsAsync(email, 2)).Count);
        Assert.Contains("change your password", first.TextBody);
        Assert.DoesNotContain(UserStories.Password, first.TextBody);
        Assert.DoesNotContain("token=", first.TextBody);
    }

    [Fact]
    public async Task ARightCodeClearsTheCountAndAResetDoesNot()
    {
        var (_, email, secret, _) = await EnrolledAsync();
        await WrongCodesAsync(email, SecondStepFailureLimit - 1, NewIp());
        Assert.Equal("/profile", (await (await PasswordAsync(NewBrowser(), email)).PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now))).Headers.Location?.OriginalString);
        await WrongCodesAsync(email, SecondStepFailureLimit, NewIp());

        await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(email);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject?.Contains("Reset") == true), "the reset mail");
        var reset = SmtpCatcher.LinkIn(fixture.Smtp.To(email).Last(m => m.Subject?.Contains("Reset") == true), "/password/reset");
        await (await ResetPasswordPage.OpenAsync(NewBrowser(), reset)).SubmitAsync("a passphrase after the reset");
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var afterReset = await (await PasswordAsync(NewBrowser(), email, "a passphrase after the reset")).PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now));

        Assert.Equal(HttpStatusCode.TooManyRequests, afterReset.StatusCode);
    }

    private IReadOnlyList<MimeKit.MimeMessage> Warnings(string email) => fixture.Smtp.To(email).Where(m => m.Subject == SecondStepWarning).ToList();

    private async Task<IReadOnlyList<MimeKit.MimeMessage>> WarningsAsync(string email, int count)
    {
        await Poll.UntilAsync(() => Warnings(email).Count >= count, $"{count} second-step warning(s)");
        return Warnings(email);
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
    public async Task AfterTurningItOffSigningInAsksOnlyForThePassword()
    {
        var (browser, email, _, _) = await EnrolledAsync();
        var on = await browser.GetDocumentAsync("/account/two-step");
        var form = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(on.QuerySelector("#two-step-disable-form"));

        var off = await browser.SubmitAsync(form);
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
        var page = await Browser.ParseAsync(await browser.SubmitAsync(form));
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

    [Fact]
    public async Task AnotherAccountsSealedSecretIsRefusedAndTurnsNothingOn()
    {
        var victim = NewBrowser();
        await UserStories.SignUpAsync(victim);
        var victimId = RedisInspection.UserIdOf(victim.SessionCookie!);
        var attacker = NewBrowser();
        await UserStories.SignUpAsync(attacker);
        var attackersPage = await TwoStepEnrolPage.OpenAsync(attacker);
        var victimsPage = await TwoStepEnrolPage.OpenAsync(victim);

        // With only the victim's cookie: the victim's own form, carrying a secret sealed on the attacker's account.
        var response = await victimsPage.PostAsync(TwoStepEnrolPage.CodeFor(attackersPage.Secret, Now), attackersPage.PendingSecret);

        Assert.Equal("/account/two-step", response.Headers.Location?.OriginalString);
        Assert.False(fixture.Redis.Database.HashExists(RedisKeys.Account(victimId), "totp"));
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.RecoveryCodes(victimId)));
    }

    [Fact]
    public async Task EnrolmentWhileTwoStepIsOnIsRefusedAndChangesNothing()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var first = await TwoStepEnrolPage.OpenAsync(browser);
        var second = await TwoStepEnrolPage.OpenAsync(browser);
        await first.TurnOnAsync(Now);
        var secretBefore = fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "totp").ToString();
        var codesBefore = fixture.Redis.Database.SetMembers(RedisKeys.RecoveryCodes(userId)).Select(v => v.ToString()).Order().ToList();
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));

        var response = await second.PostAsync(TwoStepEnrolPage.CodeFor(second.Secret, Now));
        var page = new TwoStepOnPage(browser, await browser.FollowRedirectAsync(response, "/account/two-step"));

        Assert.StartsWith("Turn two-step sign-in off first", page.Flash);
        Assert.Equal(secretBefore, fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "totp").ToString());
        Assert.Equal(codesBefore, fixture.Redis.Database.SetMembers(RedisKeys.RecoveryCodes(userId)).Select(v => v.ToString()).Order().ToList());
    }

    [Fact]
    public async Task ASecretSealedBeforeACredentialChangeIsRefused()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var page = await TwoStepEnrolPage.OpenAsync(browser);

        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "a brand new passphrase");
        var response = await page.PostAsync(TwoStepEnrolPage.CodeFor(page.Secret, Now));
        var again = new TwoStepEnrolPage(browser, await browser.FollowRedirectAsync(response, "/account/two-step"));

        Assert.StartsWith("That setup took too long", again.Flash);
        Assert.False(fixture.Redis.Database.HashExists(RedisKeys.Account(userId), "totp"));
    }
}
