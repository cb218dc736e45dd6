using System.Net;
using AngleSharp.Html.Dom;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>
/// "Confirm it's you": a sign-in vouches for sensitive changes for <c>Session:StepUpWindow</c> (15 minutes); past it
/// every guarded page and form goes through /account/confirm and back. Time moves on the fixture's fake clock.
/// </summary>
public sealed class StepUpTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static readonly TimeSpan PastTheWindow = TimeSpan.FromMinutes(16);

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private static string ConfirmLocation(string returnUrl) => $"/account/confirm?returnUrl={Uri.EscapeDataString(returnUrl)}";

    private async Task<(Browser Browser, string Email)> SignedUpAsync()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        return (browser, email);
    }

    [Theory]
    [InlineData("/account/email")]
    [InlineData("/account/two-step")]
    [InlineData("/account/delete")]
    [InlineData("/sessions/revoke-others")]
    [InlineData("/sessions/revoke-all")]
    public async Task ASignInVouchesForAGuardedPageUntilTheWindowEndsThenConfirmingLeadsBack(string path)
    {
        var (browser, _) = await SignedUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);

        fixture.Clock.Advance(PastTheWindow);
        var refused = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(ConfirmLocation(path), refused.Headers.Location?.OriginalString);
        var confirm = new ConfirmIdentityPage(browser, await browser.FollowRedirectAsync(refused, ConfirmLocation(path)));
        var confirmed = await confirm.PostAsync(UserStories.Password);
        Assert.Equal(path, confirmed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task ChangingThePasswordDoesNotRestartTheWindow()
    {
        // The renewed session after a password change must not vouch for what "confirm it's you" guards: the change
        // asks for the password only, while confirming may also ask for the second step.
        var (browser, _) = await SignedUpAsync();
        fixture.Clock.Advance(PastTheWindow);
        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "a brand new passphrase 42");

        var refused = await browser.GetAsync("/account/two-step");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(ConfirmLocation("/account/two-step"), refused.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ChangingThePasswordInsideTheWindowKeepsWhatIsLeftOfIt()
    {
        var (browser, _) = await SignedUpAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "a brand new passphrase 42");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/two-step")).StatusCode);

        fixture.Clock.Advance(TimeSpan.FromMinutes(6)); // 16 minutes after the sign-in, 6 after the change

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/two-step")).StatusCode);
    }

    public static TheoryData<string, string, string> GuardedForms => new()
    {
        // page holding the form, the form, where confirming must lead back to
        { "/account/email", "#email-form", "/account/email" },
        { "/account/data", "#data-form", "/account/data" },
        { "/account/delete", "#delete-form", "/account/delete" },
        { "/account/two-step", "#two-step-form", "/account/two-step" },
        { "/sessions/revoke-all", "#confirm-revoke-all-form", "/sessions/revoke-all" },
        { "/sessions/revoke-others", "#confirm-revoke-others-form", "/sessions/revoke-others" },
    };

    [Theory]
    [MemberData(nameof(GuardedForms))]
    public async Task AGuardedFormPostedPastTheWindowGoesToConfirmAndBackToItsPageAndChangesNothing(string page, string formSelector, string back)
    {
        var (browser, email) = await SignedUpAsync();
        await UserStories.SignInAsync(NewBrowser(), email); // another session, so "sign out the others" has one to end
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var form = Assert.IsAssignableFrom<IHtmlFormElement>((await browser.GetDocumentAsync(page)).QuerySelector(formSelector));
        var newEmail = UserStories.NewEmail();

        fixture.Clock.Advance(PastTheWindow);
        var typed = new Dictionary<string, string> { ["NewEmail"] = newEmail, ["ConfirmEmail"] = email, ["Code"] = "123456" }
            .Where(field => form[field.Key] is not null)
            .ToDictionary();
        var refused = await browser.SubmitAsync(form, typed);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(ConfirmLocation(back), refused.Headers.Location?.OriginalString);
        Assert.True(fixture.Redis.Database.KeyExists(RedisKeys.Account(userId)));
        Assert.False(fixture.Redis.Database.HashExists(RedisKeys.Account(userId), "totp"));
        Assert.Equal(2, fixture.Redis.Database.SortedSetLength(RedisKeys.SessionIndex(userId)));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        await Poll.UntilAsync(() => fixture.Redis.Database.StreamLength(SessionSite.Mail.MailOutbox.StreamKey) == 0, "the outbox to drain");
        Assert.Empty(fixture.Smtp.To(newEmail));
    }

    [Fact]
    public async Task SigningOutOneOtherSessionIsGuardedTooSoAStolenCookieCannotEndThemOneByOne()
    {
        var (browser, email) = await SignedUpAsync();
        await UserStories.SignInAsync(NewBrowser(), email);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var other = (await SessionsPage.OpenAsync(browser)).Rows.Single(r => !r.IsCurrent).Handle;
        var form = Assert.IsAssignableFrom<IHtmlFormElement>((await browser.GetDocumentAsync($"/sessions/{other}/revoke")).QuerySelector("#confirm-revoke-form"));

        fixture.Clock.Advance(PastTheWindow);
        var page = await browser.GetAsync($"/sessions/{other}/revoke");
        var post = await browser.SubmitAsync(form);

        Assert.Equal(ConfirmLocation($"/sessions/{other}/revoke"), page.Headers.Location?.OriginalString);
        Assert.Equal(ConfirmLocation("/sessions"), post.Headers.Location?.OriginalString);
        Assert.Equal(2, fixture.Redis.Database.SortedSetLength(RedisKeys.SessionIndex(userId)));
    }

    [Fact]
    public async Task ConfirmingRotatesTheTokenKeepsTheSessionAndIsRecordedInTheActivity()
    {
        var (browser, _) = await SignedUpAsync();
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var before = browser.SessionCookie!;
        var startedBefore = (await ProfilePage.OpenAsync(browser)).Document.QuerySelector("#profile-session-started")!.TextContent;
        fixture.Clock.Advance(PastTheWindow);

        var confirmed = await (await ConfirmIdentityPage.OpenAsync(browser, "/account/email")).PostAsync(UserStories.Password);

        Assert.Equal("/account/email", confirmed.Headers.Location?.OriginalString);
        Assert.NotEqual(before, browser.SessionCookie);
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Site.NewBrowser().WithSessionCookie(before).GetAsync("/profile")).StatusCode);
        Assert.Single(fixture.Redis.SessionKeysOf(userId));
        Assert.Equal(startedBefore, (await ProfilePage.OpenAsync(browser)).Document.QuerySelector("#profile-session-started")!.TextContent);
        Assert.Equal("confirmed", (await ActivityPage.OpenAsync(browser)).Events[0]);
    }

    [Fact]
    public async Task AReturnUrlThatIsNotLocalLeadsToTheAccountPage()
    {
        var (browser, _) = await SignedUpAsync();

        var confirmed = await (await ConfirmIdentityPage.OpenAsync(browser, "https://evil.example/")).PostAsync(UserStories.Password);

        Assert.Equal("/account", confirmed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AWrongPasswordIsAConfirmFailureNotAFailedSignIn()
    {
        var (browser, _) = await SignedUpAsync();
        fixture.Clock.Advance(PastTheWindow);

        var page = await (await ConfirmIdentityPage.OpenAsync(browser, "/account/delete")).RefusedAsync("not my password");

        Assert.Equal("The password is incorrect.", page.FieldError("CurrentPassword"));
        Assert.Contains("deleting your account", page.Notice);
        var events = (await ActivityPage.OpenAsync(browser)).Events;
        Assert.Equal("confirm-failed", events[0]);
        Assert.DoesNotContain("sign-in-failed", events);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/account/delete")).StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordMarksThePasswordFieldInvalidAndOnlyIt()
    {
        var (browser, _) = await SignedUpAsync();
        fixture.Clock.Advance(PastTheWindow);
        var opened = await ConfirmIdentityPage.OpenAsync(browser, "/account/delete");

        var refused = await opened.RefusedAsync("not my password");

        Assert.False(opened.MarkedInvalid("CurrentPassword"));
        Assert.True(refused.MarkedInvalid("CurrentPassword"));
    }

    [Fact]
    public async Task TenWrongAnswersEndTheSessionThatSentThem()
    {
        var (browser, email) = await SignedUpAsync();
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var page = await ConfirmIdentityPage.OpenAsync(browser, "/account/email");

        for (var i = 0; i < 9; i++)
            page = await page.RefusedAsync($"wrong password {i}");
        var tenth = await page.PostAsync("wrong password 10");

        Assert.Equal("/signin", tenth.Headers.Location?.OriginalString);
        Assert.Empty(fixture.Redis.SessionKeysOf(userId));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/profile")).StatusCode);
        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email)).Email); // the account's sign-in is untouched
    }

    [Fact]
    public async Task AnOutsiderTrippingTheSignInThrottleDoesNotStopTheOwnerConfirming()
    {
        var (owner, email) = await SignedUpAsync();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 21; i++)
            last = await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, $"guess {i}");
        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        fixture.Clock.Advance(PastTheWindow);

        var confirmed = await (await ConfirmIdentityPage.OpenAsync(owner, "/sessions")).PostAsync(UserStories.Password);

        Assert.Equal("/sessions", confirmed.Headers.Location?.OriginalString);
        fixture.Clock.Advance(TimeSpan.FromMinutes(15)); // let the outsider's throttle lift for the other tests
    }

    [Fact]
    public async Task WithTwoStepOnItAsksForACodeAndARecoveryCodeIsUsedUpWithAWarning()
    {
        var (browser, _) = await SignedUpAsync();
        var (secret, recoveryCodes) = await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        fixture.Clock.Advance(PastTheWindow);
        var page = await ConfirmIdentityPage.OpenAsync(browser, "/account/two-step");
        Assert.True(page.AsksForCode);

        var withoutCode = await page.RefusedAsync(UserStories.Password);
        Assert.NotNull(withoutCode.FieldError("Code"));
        var confirmed = await withoutCode.PostAsync(UserStories.Password, recoveryCodes[0]);

        Assert.Equal("/account/two-step", confirmed.Headers.Location?.OriginalString);
        var on = await browser.GetDocumentAsync("/account/two-step");
        Assert.Contains("9 are left", on.QuerySelector("#flash-message")?.TextContent);
        fixture.Clock.Advance(PastTheWindow);
        var again = await (await ConfirmIdentityPage.OpenAsync(browser, "/account/two-step")).RefusedAsync(UserStories.Password, recoveryCodes[0]);
        Assert.NotNull(again.FieldError("Code"));
        var withAppCode = await again.PostAsync(UserStories.Password, TwoStepEnrolPage.CodeFor(secret, fixture.Clock.GetUtcNow()));
        Assert.Equal("/account/two-step", withAppCode.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AHalfWaySessionCannotConfirm()
    {
        var (owner, email) = await SignedUpAsync();
        await (await TwoStepEnrolPage.OpenAsync(owner)).TurnOnAsync(fixture.Clock.GetUtcNow());
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var thief = NewBrowser();
        var halfWay = await (await SignInPage.OpenAsync(thief)).PostAsync(email, UserStories.Password);
        Assert.StartsWith("/signin/two-step", halfWay.Headers.Location?.OriginalString);
        var token = (await thief.GetDocumentAsync("/signin/two-step")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var get = await thief.GetAsync("/account/confirm?returnUrl=%2Faccount%2Ftwo-step");
        var post = await thief.Client.PostAsync("/account/confirm", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("CurrentPassword", UserStories.Password), new("ReturnUrl", "/account/two-step")]));

        Assert.Equal("/signin/two-step", get.Headers.Location?.OriginalString);
        Assert.Equal("/signin/two-step", post.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AConfirmationRacingAPasswordChangeNeverOutlivesIt()
    {
        for (var stagger = 0; stagger < 40; stagger += 8)
        {
            var (owner, email) = await SignedUpAsync();
            var thief = NewBrowser();
            await UserStories.SignInAsync(thief, email);
            fixture.Clock.Advance(PastTheWindow);
            var confirm = await ConfirmIdentityPage.OpenAsync(thief, "/sessions");
            var change = await ChangePasswordPage.OpenAsync(owner);

            var delay = stagger;
            var confirming = confirm.PostAsync(UserStories.Password);
            var changing = Task.Run(async () =>
            {
                await Task.Delay(delay);
                return await change.PostAsync(UserStories.Password, $"a new passphrase {delay}");
            });
            await Task.WhenAll(confirming, changing);

            Assert.Equal("/profile", (await changing).Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/sessions")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/profile")).StatusCode);
        }
    }
}
