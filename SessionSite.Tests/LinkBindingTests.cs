using System.Net;
using MimeKit;
using SessionSite.Accounts;
using SessionSite.Mail;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>
/// Every mailed link is bound to what it was issued under: a reset or email-change link to the credential stamp, a
/// sign-up confirmation to its address; the check is made in the step that applies the link.
/// </summary>
public sealed class LinkBindingTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string NewPassword = "a brand new passphrase";

    public enum Change
    {
        Nothing,
        PasswordChange,
        PasswordReset,
        EmailChange,
        TwoStepOn,
        TwoStepOff,
        NewRecoveryCodes,
        SignOutEverywhere,
        AccountDeletion,
    }

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser(SiteFactory? site = null) => (site ?? fixture.Site).NewBrowser().ComingFrom(NewIp());

    private IReadOnlyList<MimeMessage> MailsWith(string to, string path) =>
        fixture.Smtp.To(to).Where(m => m.TextBody?.Contains(path + "?token=", StringComparison.Ordinal) == true).ToList();

    /// <summary>The <paramref name="nth"/> link to <paramref name="path"/> mailed to <paramref name="to"/>, once it has arrived.</summary>
    private async Task<Uri> LinkAsync(string to, string path, int nth = 1)
    {
        await Poll.UntilAsync(() => MailsWith(to, path).Count >= nth, $"link {nth} to {path}");
        return SmtpCatcher.LinkIn(MailsWith(to, path)[nth - 1], path);
    }

    private async Task<Uri> ResetLinkAsync(string email, int nth = 1, SiteFactory? site = null)
    {
        await (await ForgotPasswordPage.OpenAsync(NewBrowser(site))).AskForLinkAsync(email);
        return await LinkAsync(email, "/password/reset", nth);
    }

    private async Task<Uri> EmailChangeLinkAsync(Browser browser, string newEmail)
    {
        await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(newEmail);
        return await LinkAsync(newEmail, "/email/confirm");
    }

    private string? StoredEmail(string userId) => fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "email").ToString();

    private static async Task AssertLinkInvalidAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#link-invalid"));
    }

    private Task DrainedOutboxAsync() =>
        Poll.UntilAsync(() => fixture.Redis.Database.StreamLength(MailOutbox.StreamKey) == 0, "the outbox to drain");

    [Fact]
    public async Task AnEmailChangeAskedForWithAKnownPasswordDiesWhenTheOwnerChangesItAndSignsOutEverywhere()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        var userId = RedisInspection.UserIdOf(owner.SessionCookie!);
        var attacker = NewBrowser();
        await UserStories.SignInAsync(attacker, email);
        var attackersAddress = UserStories.NewEmail();
        var link = await EmailChangeLinkAsync(attacker, attackersAddress);

        await (await ChangePasswordPage.OpenAsync(owner)).SubmitAsync(UserStories.Password, NewPassword);
        await (await SessionsPage.OpenAsync(owner)).SignOutEverywhereAsync();
        var opened = await attacker.GetAsync(link.PathAndQuery);

        await AssertLinkInvalidAsync(opened);
        Assert.Equal(email, StoredEmail(userId));
        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email, NewPassword)).Email);
        var withAttackersAddress = await (await SignInPage.OpenAsync(NewBrowser())).SubmitExpectingErrorsAsync(attackersAddress, NewPassword);
        Assert.Equal("The email or password is incorrect.", withAttackersAddress.Error);
    }

    /// <summary>
    /// Each row: a reset, an email-change and a sign-up confirmation link issued, then one change. The reset and
    /// email-change links are bound to the stamp (refused after every credential change); the confirmation link
    /// to its address (refused only after an email change or the deletion).
    /// </summary>
    [Theory]
    [InlineData(Change.Nothing, true, true)]
    [InlineData(Change.PasswordChange, false, true)]
    [InlineData(Change.PasswordReset, false, true)]
    [InlineData(Change.EmailChange, false, false)]
    [InlineData(Change.TwoStepOn, false, true)]
    [InlineData(Change.TwoStepOff, false, true)]
    [InlineData(Change.NewRecoveryCodes, false, true)]
    [InlineData(Change.SignOutEverywhere, false, true)]
    [InlineData(Change.AccountDeletion, false, false)]
    public async Task EachLinkIsRefusedAfterExactlyTheChangesItIsBoundTo(Change change, bool stampLinksWork, bool verifyLinkWorks)
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var verifyLink = await LinkAsync(email, "/email/verify");
        if (change is Change.TwoStepOff or Change.NewRecoveryCodes)
            await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        var resetLink = await ResetLinkAsync(email);
        var newEmail = UserStories.NewEmail();
        var changeLink = await EmailChangeLinkAsync(browser, newEmail);

        await MakeAsync(change, browser, email);

        // In this order, so that no check moves what a later one is bound to: the reset page only looks at its link.
        var reset = await NewBrowser().GetAsync(resetLink.PathAndQuery);
        var verify = await NewBrowser().GetAsync(verifyLink.PathAndQuery);
        var confirm = await NewBrowser().GetAsync(changeLink.PathAndQuery);

        if (stampLinksWork)
        {
            Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
            Assert.NotNull((await Browser.ParseAsync(reset)).QuerySelector("#reset-form"));
            Assert.Equal("/profile", confirm.Headers.Location?.OriginalString);
            Assert.Equal(newEmail, StoredEmail(userId));
        }
        else
        {
            await AssertLinkInvalidAsync(reset);
            await AssertLinkInvalidAsync(confirm);
            Assert.NotEqual(newEmail, StoredEmail(userId));
        }
        if (verifyLinkWorks)
            Assert.Equal("/profile", verify.Headers.Location?.OriginalString);
        else
            await AssertLinkInvalidAsync(verify);
    }

    private async Task MakeAsync(Change change, Browser browser, string email)
    {
        switch (change)
        {
            case Change.PasswordChange:
                await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, NewPassword);
                break;
            case Change.PasswordReset:
                await (await ResetPasswordPage.OpenAsync(NewBrowser(), await ResetLinkAsync(email, nth: 2))).SubmitAsync(NewPassword);
                break;
            case Change.EmailChange:
                var link = await EmailChangeLinkAsync(browser, UserStories.NewEmail());
                Assert.Equal("/profile", (await browser.GetAsync(link.PathAndQuery)).Headers.Location?.OriginalString);
                break;
            case Change.TwoStepOn:
                await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
                break;
            case Change.TwoStepOff:
                Assert.NotNull((await Browser.ParseAsync(await (await TwoStepOnPage.OpenAsync(browser)).TurnOffAsync())).QuerySelector("#two-step-off"));
                break;
            case Change.NewRecoveryCodes:
                var codes = await Browser.ParseAsync(await (await TwoStepOnPage.OpenAsync(browser)).NewRecoveryCodesAsync());
                Assert.NotNull(codes.QuerySelector("#recovery-codes"));
                break;
            case Change.SignOutEverywhere:
                Assert.Equal("/", (await (await SessionsPage.OpenAsync(browser)).SignOutEverywhereAsync()).Headers.Location?.OriginalString);
                break;
            case Change.AccountDeletion:
                var deleted = await (await DeleteAccountPage.OpenAsync(browser)).PostAsync(email);
                Assert.NotNull((await Browser.ParseAsync(deleted)).QuerySelector("#account-deleted"));
                break;
        }
    }

    [Fact]
    public async Task AResetAnsweredBusyLeavesItsLinkWorking()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?>
        {
            ["PasswordHashing:MaxConcurrent"] = "1",
            ["PasswordHashing:QueueLimit"] = "1",
        });
        var (_, email) = await UserStories.SignUpAsync(NewBrowser(site));
        var page = await ResetPasswordPage.OpenAsync(NewBrowser(site), await ResetLinkAsync(email, site: site));

        var held = await HeldHashingTurn.TakeAsync(site);
        var queued = held.Gate.RunAsync(() => true);
        await Poll.UntilAsync(() => held.Gate.IsFull, "the hashing queue to fill");
        var busy = await page.PostAsync(NewPassword);
        await held.DisposeAsync();
        await queued;
        var retried = await page.SubmitAsync(NewPassword);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(busy)).QuerySelector("#site-busy"));
        Assert.Equal("Your password has been reset. Please sign in.", retried.Flash);
        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email, NewPassword)).Email);
    }

    [Fact]
    public async Task AResetRacingADeletionEitherLosesAndLeavesNothingOrWinsAndTheDeletionIsRefused()
    {
        for (var round = 0; round < 8; round++)
        {
            var browser = NewBrowser();
            var (_, email) = await UserStories.SignUpAsync(browser);
            var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
            var reset = await ResetPasswordPage.OpenAsync(NewBrowser(), await ResetLinkAsync(email));
            var deletion = await DeleteAccountPage.OpenAsync(browser);
            var stagger = TimeSpan.FromMilliseconds(round / 2 * 4);

            Task<HttpResponseMessage> Reset() => reset.PostAsync(NewPassword);
            Task<HttpResponseMessage> Delete() => deletion.PostAsync(email);
            async Task<HttpResponseMessage> After(Func<Task<HttpResponseMessage>> post)
            {
                await Task.Delay(stagger);
                return await post();
            }
            var (resetting, deleting) = round % 2 == 0 ? (Reset(), After(Delete)) : (After(Reset), Delete());
            var (resetAnswer, deleteAnswer) = (await resetting, await deleting);
            await DrainedOutboxAsync();

            Assert.True((int)resetAnswer.StatusCode < 500 && (int)deleteAnswer.StatusCode < 500, $"round {round}");
            var deleted = (await Browser.ParseAsync(deleteAnswer)).QuerySelector("#account-deleted") is not null;
            var resetDone = resetAnswer.StatusCode == HttpStatusCode.Redirect;
            if (deleted)
            {
                await AssertLinkInvalidAsync(resetAnswer);
                Assert.Empty(fixture.Redis.Keys($"*{userId}*"));
                Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.Email(EmailAddress.Normalize(email))));
                Assert.Equal("Your SessionSite account was deleted", fixture.Smtp.To(email).Last().Subject);
                Assert.DoesNotContain(fixture.Smtp.To(email), m => m.Subject == "Your SessionSite password was reset");
            }
            else
            {
                // The deletion was refused: the account is whole, still under its address, with the new password.
                Assert.Equal(userId, fixture.Redis.Database.StringGet(RedisKeys.Email(EmailAddress.Normalize(email))).ToString());
                Assert.Equal(userId, fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "id").ToString());
                Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email, NewPassword)).Email);
            }
            Assert.True(deleted != resetDone, $"round {round}: exactly one of the two must win");
        }
    }

    [Fact]
    public async Task AnEmailChangeConfirmRacingAPasswordChangeEndsWithTheAccountWholeUnderOneAddress()
    {
        for (var round = 0; round < 6; round++)
        {
            var owner = NewBrowser();
            var (_, email) = await UserStories.SignUpAsync(owner);
            var userId = RedisInspection.UserIdOf(owner.SessionCookie!);
            var newEmail = UserStories.NewEmail();
            var link = await EmailChangeLinkAsync(owner, newEmail);
            var change = await ChangePasswordPage.OpenAsync(owner);
            // The change hashes a password twice and the confirm does not: the confirm starts later and later, so
            // the rounds cover it landing before, during and after the change.
            var stagger = TimeSpan.FromMilliseconds(round * 5);

            var changing = change.PostAsync(UserStories.Password, NewPassword);
            await Task.Delay(stagger);
            var changeAnsweredFirst = changing.IsCompleted;
            var confirmed = await NewBrowser().GetAsync(link.PathAndQuery);
            var changed = await changing;

            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
            if (changeAnsweredFirst)
                await AssertLinkInvalidAsync(confirmed);
            var kept = confirmed.StatusCode == HttpStatusCode.Redirect ? newEmail : email;
            if (kept == email)
                await AssertLinkInvalidAsync(confirmed);
            Assert.Equal(kept, StoredEmail(userId));
            Assert.Equal(userId, fixture.Redis.Database.StringGet(RedisKeys.Email(EmailAddress.Normalize(kept))).ToString());
            if (kept == email)
                Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.Email(EmailAddress.Normalize(newEmail))), $"round {round}: {newEmail} still claimed");
            else // the address the account left stays reserved for it, for a "this wasn't me" link, and then expires
                Assert.InRange(fixture.Redis.TimeToLive(RedisKeys.Email(EmailAddress.Normalize(email)))!.Value, TimeSpan.FromDays(7), AddressKeys.Reserved);
            Assert.Equal(kept, (await UserStories.SignInAsync(NewBrowser(), kept, NewPassword)).Email);
        }
    }
}
