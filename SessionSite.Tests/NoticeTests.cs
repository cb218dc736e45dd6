using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Every notice says something its reader can act on, and only some carry "this wasn't me".</summary>
public sealed class NoticeTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private async Task<MimeKit.MimeMessage> MailAsync(string to, string subject)
    {
        await Poll.UntilAsync(() => fixture.Smtp.To(to).Any(m => m.Subject == subject), $"\"{subject}\" to {to}");
        return fixture.Smtp.To(to).Last(m => m.Subject == subject);
    }

    [Fact]
    public async Task TheDeletionMailDoesNotTellAnyoneToResetAPassword()
    {
        var (profile, email) = await UserStories.SignUpAsync(NewBrowser());

        await (await DeleteAccountPage.OpenAsync(profile.Browser)).PostAsync(email);

        var mail = await MailAsync(email, "Your SessionSite account was deleted");
        foreach (var body in new[] { mail.TextBody, mail.HtmlBody })
        {
            Assert.DoesNotContain("reset", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("/password/forgot", body);
            Assert.DoesNotContain("/account/recover", body);
        }
    }

    [Fact]
    public async Task TheOldAddressNoticeOffersThisWasntMeInsteadOfAResetThatCouldNotArrive()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var newEmail = UserStories.NewEmail();
        await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(newEmail);
        var confirm = SmtpCatcher.LinkIn(await MailAsync(newEmail, "Confirm your new email address for SessionSite"), "/email/confirm");
        await browser.GetAsync(confirm.PathAndQuery);

        var notice = await MailAsync(email, "Your SessionSite email address was changed");

        Assert.DoesNotContain("/password/forgot", notice.TextBody);
        Assert.Contains("If this wasn't you, open this link: ", notice.TextBody);
        Assert.Contains("(7 days)", notice.TextBody);
        Assert.Equal("/account/recover", SmtpCatcher.LinkIn(notice, "/account/recover").AbsolutePath);
        Assert.Contains("<a href=\"http://localhost/account/recover?token=", notice.HtmlBody);
    }

    [Fact]
    public async Task PasswordAndTwoStepNoticesCarryTheLinkAndOtherNoticesDoNot()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "another long passphrase");
        await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(UserStories.NewEmail());

        var twoStep = await MailAsync(email, "Two-step sign-in on your SessionSite account changed");
        var password = await MailAsync(email, "Your SessionSite password was changed");
        var requested = await MailAsync(email, "A change of your SessionSite email address was requested");

        Assert.Equal("/account/recover", SmtpCatcher.LinkIn(twoStep, "/account/recover").AbsolutePath);
        Assert.Equal("/account/recover", SmtpCatcher.LinkIn(password, "/account/recover").AbsolutePath);
        Assert.DoesNotContain("/account/recover", requested.TextBody);
        Assert.Contains("/password/forgot", requested.TextBody); // the address is still the account's, so a reset from it arrives
    }
}
