using System.Net;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>"This wasn't me": the link in a notice gives the account back to the owner of its address.</summary>
public sealed class RecoverTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string AttackersPassword = "the attacker's own passphrase";
    private const string NewPassword = "a passphrase after recovery";

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    private async Task<Uri> RecoverLinkAsync(string to, string subject) =>
        SmtpCatcher.LinkIn(await MailAsync(to, subject), "/account/recover");

    private async Task<MimeKit.MimeMessage> MailAsync(string to, string subject)
    {
        await Poll.UntilAsync(() => fixture.Smtp.To(to).Any(m => m.Subject == subject), $"\"{subject}\" to {to}");
        return fixture.Smtp.To(to).Last(m => m.Subject == subject);
    }

    /// <summary>The attacker, knowing the password, moves the account to their address in their own browser.</summary>
    private async Task<(Browser Attacker, string TheirEmail)> TakenOverAsync(string email)
    {
        var attacker = NewBrowser();
        var theirs = UserStories.NewEmail();
        await UserStories.SignInAsync(attacker, email);
        await (await ChangeEmailPage.OpenAsync(attacker)).SubmitAsync(theirs);
        var confirm = SmtpCatcher.LinkIn(await MailAsync(theirs, "Confirm your new email address for SessionSite"), "/email/confirm");
        Assert.Equal("/profile", (await attacker.GetAsync(confirm.PathAndQuery)).Headers.Location?.OriginalString);
        return (attacker, theirs);
    }

    /// <summary>The attacker moves the account twice, so the second notice (and its link) goes to their own first address.</summary>
    private async Task<(Browser Attacker, string First, string Second)> MovedTwiceAsync(string email)
    {
        var (attacker, first) = await TakenOverAsync(email);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = UserStories.NewEmail();
        await (await ChangeEmailPage.OpenAsync(attacker)).SubmitAsync(second);
        var confirm = SmtpCatcher.LinkIn(await MailAsync(second, "Confirm your new email address for SessionSite"), "/email/confirm");
        Assert.Equal("/profile", (await attacker.GetAsync(confirm.PathAndQuery)).Headers.Location?.OriginalString);
        return (attacker, first, second);
    }

    [Fact]
    public async Task TheOwnersRecoveryKillsTheLinksTheAttackerMailedToThemselvesAndFreesTheirAddresses()
    {
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());
        var (_, first, _) = await MovedTwiceAsync(email);
        var owners = await RecoverLinkAsync(email, "Your SessionSite email address was changed");
        var attackers = await RecoverLinkAsync(first, "Your SessionSite email address was changed");

        await (await RecoverPage.OpenAsync(NewBrowser(), owners)).SecureAsync();
        var replayed = await NewBrowser().GetAsync(attackers.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(replayed)).QuerySelector("#link-invalid"));
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.Email(first)));
        Assert.Equal(email, (await ProfileAfterResetAsync(email)).Email);
    }

    [Fact]
    public async Task AnAttackerRecoveringFirstCannotKillTheOwnersEarlierLink()
    {
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());
        var (_, first, _) = await MovedTwiceAsync(email);
        var owners = await RecoverLinkAsync(email, "Your SessionSite email address was changed");
        var attackers = await RecoverLinkAsync(first, "Your SessionSite email address was changed");

        await (await RecoverPage.OpenAsync(NewBrowser(), attackers)).SecureAsync();
        await (await RecoverPage.OpenAsync(NewBrowser(), owners)).SecureAsync();

        Assert.Equal(email, (await ProfileAfterResetAsync(email)).Email);
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.Email(first)));
    }

    [Fact]
    public async Task ALinkFromANewDeviceNoticePutsBackTheAddressItWentToAndNeverMailsTheAttacker()
    {
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());
        var (_, theirs) = await TakenOverAsync(email); // the attacker's browser was new: its notice went to the owner
        var link = await RecoverLinkAsync(email, "New sign-in to your SessionSite account");

        var page = await RecoverPage.OpenAsync(NewBrowser(), link);
        Assert.Contains(email, page.Document.QuerySelector("#recover")!.TextContent);
        await page.SecureAsync();

        Assert.Equal(email, (await ProfileAfterResetAsync(email)).Email);
        Assert.DoesNotContain(fixture.Smtp.To(theirs), m => m.Subject == "Choose a new SessionSite password");
    }

    /// <summary>The reset mailed after a recovery, used, and a sign-in with the new password.</summary>
    private async Task<ProfilePage> ProfileAfterResetAsync(string email)
    {
        var reset = SmtpCatcher.LinkIn(await MailAsync(email, "Choose a new SessionSite password"), "/password/reset");
        await (await ResetPasswordPage.OpenAsync(NewBrowser(), reset)).SubmitAsync(NewPassword);
        return await UserStories.SignInAsync(NewBrowser(), email, NewPassword);
    }

    [Fact]
    public async Task FromTheOldAddressItRestoresItRemovesTheAttackersAuthenticatorEndsTheirSessionAndRetiresThePassword()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        var userId = RedisInspection.UserIdOf(owner.SessionCookie!);
        var (attacker, theirs) = await TakenOverAsync(email);
        await (await TwoStepEnrolPage.OpenAsync(attacker)).TurnOnAsync(Now);
        var link = await RecoverLinkAsync(email, "Your SessionSite email address was changed");

        var page = await RecoverPage.OpenAsync(NewBrowser(), link);
        Assert.Contains(email, page.Document.QuerySelector("#recover")!.TextContent);
        await page.SecureAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/profile")).StatusCode);
        var account = fixture.Redis.Database.HashGetAll(RedisKeys.Account(userId)).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString());
        Assert.Equal(email, account["email"]);
        Assert.False(account.ContainsKey("totp"));
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.RecoveryCodes(userId)));
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.Email(theirs)));
        Assert.Equal(userId, fixture.Redis.Database.StringGet(RedisKeys.Email(email)).ToString());
        Assert.Null(fixture.Redis.Database.KeyTimeToLive(RedisKeys.Email(email)));
        foreach (var address in new[] { email, theirs })
            Assert.Equal("The email or password is incorrect.",
                (await (await SignInPage.OpenAsync(NewBrowser())).SubmitExpectingErrorsAsync(address, UserStories.Password)).Error);

        var reset = SmtpCatcher.LinkIn(await MailAsync(email, "Choose a new SessionSite password"), "/password/reset");
        Assert.DoesNotContain(fixture.Smtp.To(theirs), m => m.Subject == "Choose a new SessionSite password");
        await (await ResetPasswordPage.OpenAsync(NewBrowser(), reset)).SubmitAsync(NewPassword);
        var back = NewBrowser();
        Assert.Equal(email, (await UserStories.SignInAsync(back, email, NewPassword)).Email); // no second step: the attacker's authenticator is gone
        Assert.Contains("account-recovered", (await ActivityPage.OpenAsync(back)).Events);
        var token = link.Query.Split('=')[1];
        Assert.DoesNotContain(fixture.Site.Logs.Entries, e => (e.Message + string.Join(' ', e.State.Values)) is var text
            && (text.Contains(token) || text.Contains(email) || text.Contains(theirs)));
    }

    [Fact]
    public async Task FromTheTwoStepOnNoticeItRemovesTheAuthenticatorThatNoticeReported()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        var userId = RedisInspection.UserIdOf(owner.SessionCookie!);
        await (await TwoStepEnrolPage.OpenAsync(owner)).TurnOnAsync(Now);
        var link = await RecoverLinkAsync(email, "Two-step sign-in on your SessionSite account changed");

        await (await RecoverPage.OpenAsync(NewBrowser(), link)).SecureAsync();

        Assert.False(fixture.Redis.Database.HashExists(RedisKeys.Account(userId), "totp"));
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.RecoveryCodes(userId)));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenChangesNothing()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        await (await ChangePasswordPage.OpenAsync(owner)).SubmitAsync(UserStories.Password, AttackersPassword);
        var link = await RecoverLinkAsync(email, "Your SessionSite password was changed");

        var forged = await NewBrowser().Client.PostAsync("/account/recover", new FormUrlEncodedContent([new("Token", link.Query.Split('=')[1])]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/profile")).StatusCode);
        Assert.NotNull((await RecoverPage.OpenAsync(NewBrowser(), link)).Document.QuerySelector("#recover-form"));
    }

    [Fact]
    public async Task TheOldAddressStaysReservedUntilTheLinkExpires()
    {
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());
        await TakenOverAsync(email);

        var signUp = await (await SignUpPage.OpenAsync(NewBrowser())).SubmitExpectingErrorsAsync(email, "Someone", UserStories.Password);

        Assert.NotNull(signUp.FieldError("Email"));
        var ttl = fixture.Redis.Database.KeyTimeToLive(RedisKeys.Email(email));
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(7), TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task TheOwnerCanMoveBackToTheReservedAddressAndItIsKeptForGood()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var other = UserStories.NewEmail();
        foreach (var (from, to) in new[] { (email, other), (other, email) })
        {
            await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(to);
            await Poll.UntilAsync(() => fixture.Smtp.To(to).Count(m => m.Subject == "Confirm your new email address for SessionSite") == 1, $"the link to {to}");
            var confirm = SmtpCatcher.LinkIn(fixture.Smtp.To(to).Last(m => m.Subject == "Confirm your new email address for SessionSite"), "/email/confirm");
            Assert.Equal("/profile", (await browser.GetAsync(confirm.PathAndQuery)).Headers.Location?.OriginalString);
        }

        Assert.Equal(email, (await ProfilePage.OpenAsync(browser)).Email);
        Assert.Null(fixture.Redis.Database.KeyTimeToLive(RedisKeys.Email(email)));
        Assert.NotNull(fixture.Redis.Database.KeyTimeToLive(RedisKeys.Email(other))); // the address it left in turn is reserved
        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task AfterAPasswordChangeItEndsEverySessionAndRemovesOnlyWhatWasAddedSince()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        var userId = RedisInspection.UserIdOf(owner.SessionCookie!);
        await (await TwoStepEnrolPage.OpenAsync(owner)).TurnOnAsync(Now);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await ChangePasswordPage.OpenAsync(owner)).SubmitAsync(UserStories.Password, AttackersPassword);
        var link = await RecoverLinkAsync(email, "Your SessionSite password was changed");
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var regenerate = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(
            (await owner.GetDocumentAsync("/account/two-step")).QuerySelector("#recovery-regenerate-form"));
        await owner.SubmitAsync(regenerate);

        await (await RecoverPage.OpenAsync(NewBrowser(), link)).SecureAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await owner.GetAsync("/profile")).StatusCode);
        Assert.True(fixture.Redis.Database.HashExists(RedisKeys.Account(userId), "totp")); // enrolled before the change: kept
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.RecoveryCodes(userId))); // made after it: gone
        Assert.Equal("The email or password is incorrect.",
            (await (await SignInPage.OpenAsync(NewBrowser())).SubmitExpectingErrorsAsync(email, AttackersPassword)).Error);
    }

    [Fact]
    public async Task TheLinkWorksOnceAndExpiresAfterSevenDays()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        await (await ChangePasswordPage.OpenAsync(owner)).SubmitAsync(UserStories.Password, AttackersPassword);
        var link = await RecoverLinkAsync(email, "Your SessionSite password was changed");
        var second = await RecoverPage.OpenAsync(NewBrowser(), link);
        await (await ChangePasswordPage.OpenAsync(owner)).SubmitAsync(AttackersPassword, NewPassword);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Count(m => m.Subject == "Your SessionSite password was changed") == 2, "the second notice");
        var later = await RecoverLinkAsync(email, "Your SessionSite password was changed");
        Assert.NotEqual(link, later);

        await (await RecoverPage.OpenAsync(NewBrowser(), link)).SecureAsync();
        var replayed = await second.PostAsync();
        var reopened = await NewBrowser().GetAsync(link.PathAndQuery);
        fixture.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var expired = await NewBrowser().GetAsync(later.PathAndQuery);

        foreach (var response in new[] { replayed, reopened, expired })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#link-invalid"));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("nonsense")]
    [InlineData("0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../etc.passwd")]
    public async Task ABadTokenIsAClear400(string token)
    {
        var browser = NewBrowser();
        var get = await browser.GetAsync($"/account/recover?token={Uri.EscapeDataString(token)}");
        var form = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>((await browser.GetDocumentAsync("/password/forgot")).QuerySelector("#forgot-form"));
        var post = await browser.Client.PostAsync("/account/recover", new FormUrlEncodedContent([
            new("Token", token), new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));

        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#link-invalid"));
        }
    }

    [Fact]
    public async Task DeletingTheAccountDeletesItsLinksAndFreesTheReservedAddress()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        var userId = RedisInspection.UserIdOf(owner.SessionCookie!);
        var (attacker, theirs) = await TakenOverAsync(email);
        var link = await RecoverLinkAsync(email, "Your SessionSite email address was changed");
        Assert.NotEmpty(fixture.Redis.Keys(RedisKeys.Recover(userId, "*")));

        var deleted = await (await DeleteAccountPage.OpenAsync(attacker)).PostAsync(theirs);

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Empty(fixture.Redis.Keys($"*{userId}*"));
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.Email(email)));
        Assert.Equal(HttpStatusCode.BadRequest, (await NewBrowser().GetAsync(link.PathAndQuery)).StatusCode);
    }
}
