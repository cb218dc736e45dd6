using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;
using SessionSite.Tests.Passkeys;

namespace SessionSite.Tests;

/// <summary>Issue 24 §1: <c>/account</c> is an overview with a status on every row and an action where one is due.</summary>
public sealed class AccountOverviewTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    [Fact]
    public async Task ANewAccountShowsWhatIsMissingAndOneSession()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);

        var account = await AccountPage.OpenAsync(browser);

        Assert.Equal("unconfirmed", account.Status("email").GetAttribute("data-status"));
        Assert.Equal("off", account.Status("two-step").GetAttribute("data-status"));
        Assert.Equal("/account/two-step", account.Document.QuerySelector("#account-status-two-step a#account-two-step-on")?.GetAttribute("href"));
        Assert.Equal("0", account.Status("passkeys").GetAttribute("data-count"));
        Assert.Equal("1", account.Status("sessions").GetAttribute("data-count"));
        Assert.Contains("Set when you signed up", account.StatusText("password"));
        Assert.Null(account.PendingEmail);
    }

    [Fact]
    public async Task TheRowsFollowTheAccount()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var verify = SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(email)), "/email/verify");
        await browser.GetAsync(verify.PathAndQuery);
        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "a new long passphrase");
        await UserStories.SignInAsync(NewBrowser(), email, "a new long passphrase");
        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        using var authenticator = new SoftwareAuthenticator();
        await (await PasskeyStories.AddAsync(browser, authenticator)).PostAsync("Laptop");

        var account = await AccountPage.OpenAsync(browser);

        Assert.Equal("confirmed", account.Status("email").GetAttribute("data-status"));
        Assert.Contains("Last changed", account.StatusText("password"));
        Assert.Equal("on", account.Status("two-step").GetAttribute("data-status"));
        Assert.Equal("10", account.Document.QuerySelector("#account-recovery-codes-left")?.TextContent);
        Assert.Equal("1", account.Status("passkeys").GetAttribute("data-count"));
        Assert.Equal("2", account.Status("sessions").GetAttribute("data-count"));
    }

    [Fact]
    public async Task APendingEmailChangeShowsOnTheOverviewAndTheEmailPageAndCanBeCancelled()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        await fixture.Smtp.WaitForAsync(email);
        var newEmail = UserStories.NewEmail();
        await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(newEmail);
        var link = SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(newEmail)), "/email/confirm");

        var account = await AccountPage.OpenAsync(browser);
        var emailPage = await ChangeEmailPage.OpenAsync(browser);
        Assert.Equal(newEmail, account.PendingEmail);
        Assert.Equal(newEmail, emailPage.Document.QuerySelector("#pending-email #pending-email-address")?.TextContent.Trim());
        Assert.Equal(newEmail, emailPage.Document.QuerySelector("#pending-email-resend-form input[name=NewEmail]")?.GetAttribute("value"));

        var cancelled = await account.CancelPendingEmailAsync();

        Assert.Equal("The email change was cancelled; its link no longer works.", cancelled.Flash);
        Assert.Null(cancelled.PendingEmail);
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.GetAsync(link.PathAndQuery)).StatusCode);
        Assert.Equal(email, (await ProfilePage.OpenAsync(browser)).Email);
    }
}
