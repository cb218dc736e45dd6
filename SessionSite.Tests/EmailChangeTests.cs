using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Moving an account to a new address: a link to the new one, a notice to the old, nothing changes before.</summary>
public sealed class EmailChangeTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private async Task<Uri> AskForChangeAsync(Browser browser, string oldEmail, string newEmail)
    {
        await fixture.Smtp.WaitForAsync(oldEmail); // the sign-up's own mail first
        await (await ChangeEmailPage.OpenAsync(browser)).SubmitAsync(newEmail, UserStories.Password);
        return SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(newEmail)), "/email/confirm");
    }

    [Fact]
    public async Task AskingSendsALinkToTheNewAddressANoticeToTheOldAndChangesNothingYet()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var newEmail = UserStories.NewEmail();

        await AskForChangeAsync(browser, email, newEmail);

        var notice = (await fixture.Smtp.WaitForAsync(email, count: 2))[1];
        Assert.Equal("A change of your SessionSite email address was requested", notice.Subject);
        Assert.Contains(newEmail, notice.TextBody);
        Assert.Contains("1 hour", Assert.Single(fixture.Smtp.To(newEmail)).TextBody);
        Assert.Equal(email, (await ProfilePage.OpenAsync(browser)).Email);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task OpeningTheLinkMovesTheAccountEverySessionShowsItAndTheOldAddressStaysReserved()
    {
        var first = fixture.Site.NewBrowser();
        var second = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        var newEmail = UserStories.NewEmail();
        var link = await AskForChangeAsync(first, email, newEmail);

        var confirmed = await first.FollowRedirectAsync(await fixture.Site.NewBrowser().WithSessionCookie(first.SessionCookie!).GetAsync(link.PathAndQuery), "/profile");
        var onSecond = await ProfilePage.OpenAsync(second);

        Assert.Equal(newEmail, new ProfilePage(first, confirmed).Email);
        Assert.Equal(newEmail, onSecond.Email);
        Assert.True(onSecond.EmailVerified);
        Assert.Equal(newEmail, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), newEmail)).Email);
        Assert.Equal("The email or password is incorrect.", (await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, UserStories.Password)).Error);
        // Kept for the account while its "this wasn't me" link lives, so the owner of the old address can have it back.
        Assert.NotNull((await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, "Someone", UserStories.Password)).FieldError("Email"));
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Your SessionSite email address was changed"), "the notice to the old address");
    }

    [Fact]
    public async Task AnAddressTakenMeanwhileGivesAClearMessageAndChangesNothing()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var newEmail = UserStories.NewEmail();
        var link = await AskForChangeAsync(browser, email, newEmail);
        await UserStories.SignUpAsync(fixture.Site.NewBrowser(), email: newEmail);

        var response = await browser.GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#email-taken"));
        Assert.Equal(email, (await ProfilePage.OpenAsync(browser)).Email);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task WrongCurrentPasswordsCountAgainstTheAccountsSignInThrottle()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Throttling:AccountFailureLimit"] = "2" });
        var browser = site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await (await ChangeEmailPage.OpenAsync(browser)).PostAsync(UserStories.NewEmail(), "wrong password")).StatusCode);

        var withTheRightOne = await (await ChangeEmailPage.OpenAsync(browser)).PostAsync(UserStories.NewEmail(), UserStories.Password);
        var signIn = await (await SignInPage.OpenAsync(site.NewBrowser())).PostAsync(email, UserStories.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, withTheRightOne.StatusCode);
        Assert.Contains("Too many wrong passwords", new ChangeEmailPage(browser, await Browser.ParseAsync(withTheRightOne)).FieldError("CurrentPassword"));
        Assert.Equal(HttpStatusCode.TooManyRequests, signIn.StatusCode);
    }
}
