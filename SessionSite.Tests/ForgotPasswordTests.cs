using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>A forgotten password, through a real SMTP server: the same answer for every address, a link that works once.</summary>
public sealed class ForgotPasswordTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string NewPassword = "a freshly reset passphrase";

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private async Task<string> SignedUpAsync()
    {
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());
        await fixture.Smtp.WaitForAsync(email); // the confirmation mail of the sign-up
        return email;
    }

    private async Task<Uri> ResetLinkAsync(string email, int nth = 1)
    {
        await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(email);
        // Counted by subject: a sign-in from a new browser adds a new-device notice to the same inbox.
        bool IsReset(MimeKit.MimeMessage m) => m.Subject?.Contains("Reset") == true;
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Count(IsReset) >= nth, $"reset mail {nth}");
        return SmtpCatcher.LinkIn(fixture.Smtp.To(email).Last(IsReset), "/password/reset");
    }

    [Fact]
    public async Task KnownAndUnknownAddressesGetTheSameAnswerAndOnlyTheKnownOneAMail()
    {
        var known = await SignedUpAsync();
        var unknown = UserStories.NewEmail();

        var forKnown = await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(known);
        var forUnknown = await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(unknown);

        Assert.Equal(forKnown, forUnknown);
        var reset = (await fixture.Smtp.WaitForAsync(known, count: 2)).Last();
        Assert.Contains("20 minutes", reset.TextBody);
        Assert.Contains("If this wasn't you", reset.TextBody);
        Assert.NotNull(reset.HtmlBody);
        Assert.Empty(fixture.Smtp.To(unknown));
    }

    [Fact]
    public async Task TheLinkIsBuiltFromThePublicBaseUrlNeverFromTheHostHeader()
    {
        // Its own Redis, so only this instance (with its own public address) sends what it queues.
        await using var redis = await RedisServer.StartAsync([], mayShare: false);
        await using var site = new SiteFactory(redis, new Dictionary<string, string?>(fixture.Smtp.SiteSettings) { ["Site:PublicBaseUrl"] = "https://sessions.example" });
        var (_, email) = await UserStories.SignUpAsync(site.NewBrowser().ComingFrom(NewIp()));
        await fixture.Smtp.WaitForAsync(email);
        var attacker = site.NewBrowser().ComingFrom(NewIp());
        attacker.Client.DefaultRequestHeaders.Host = "attacker.example";

        await (await ForgotPasswordPage.OpenAsync(attacker)).AskForLinkAsync(email);
        var link = SmtpCatcher.LinkIn((await fixture.Smtp.WaitForAsync(email, count: 2)).Last(), "/password/reset");

        Assert.Equal("https://sessions.example/password/reset", link.GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task AResetEndsEverySessionSendsANoticeAndNeverSignsTheBrowserIn()
    {
        var first = NewBrowser();
        var second = NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        var link = await ResetLinkAsync(email);
        var resetting = NewBrowser();

        var signIn = await (await ResetPasswordPage.OpenAsync(resetting, link)).SubmitAsync(NewPassword);

        Assert.Equal("Your password has been reset. Please sign in.", signIn.Flash);
        Assert.Null(resetting.SessionCookie);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/profile")).StatusCode);
        Assert.Equal("The email or password is incorrect.", (await (await SignInPage.OpenAsync(NewBrowser())).SubmitExpectingErrorsAsync(email, UserStories.Password)).Error);
        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email, NewPassword)).Email);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Your SessionSite password was reset"), "the reset notice");
    }

    [Fact]
    public async Task ALinkWorksOnce()
    {
        var email = await SignedUpAsync();
        var link = await ResetLinkAsync(email);
        var page = await ResetPasswordPage.OpenAsync(NewBrowser(), link);
        await page.SubmitAsync(NewPassword);

        var again = await NewBrowser().GetAsync(link.PathAndQuery);
        var replayedForm = await page.PostAsync("yet another passphrase");

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(again)).QuerySelector("#link-invalid"));
        Assert.NotNull((await Browser.ParseAsync(replayedForm)).QuerySelector("#link-invalid"));
        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email, NewPassword)).Email);
        // Used up, not merely outlived by the stamp: nothing of it stays in Redis.
        var userId = Uri.UnescapeDataString(link.Query.Split('=')[1]).Split('.')[0];
        Assert.Empty(fixture.Redis.Keys($"{{user:{userId}}}:link:resetpassword:*"));
    }

    [Fact]
    public async Task ALinkExpiresAfter20Minutes()
    {
        var email = await SignedUpAsync();
        var link = await ResetLinkAsync(email);
        var page = await ResetPasswordPage.OpenAsync(NewBrowser(), link);

        fixture.Clock.Advance(TimeSpan.FromMinutes(20) + TimeSpan.FromSeconds(1));
        var response = await page.PostAsync(NewPassword);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#link-invalid"));
        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task ALinkDiesWhenThePasswordChangesAnotherWay()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var link = await ResetLinkAsync(email);

        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, NewPassword);
        var response = await NewBrowser().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#link-invalid"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=")]
    [InlineData("?token=short")]
    [InlineData("?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("?token=%00%FF%FE")]
    [InlineData("?token=a&token=b")]
    public async Task AMalformedOrUnknownLinkShowsLinkInvalidWithAWayToAskAgain(string query)
    {
        var response = await NewBrowser().GetAsync("/password/reset" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#link-invalid"));
        Assert.Equal("/password/forgot", page.QuerySelector("#link-invalid-again")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AWeakNewPasswordIsRefusedAndTheLinkStillWorks()
    {
        var email = await SignedUpAsync();
        var page = await ResetPasswordPage.OpenAsync(NewBrowser(), await ResetLinkAsync(email));

        var weak = await page.PostAsync("password");
        var again = new ResetPasswordPage(page.Browser, await Browser.ParseAsync(weak));

        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.NotNull(again.FieldError("NewPassword"));
        await again.SubmitAsync(NewPassword);
        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email, NewPassword)).Email);
    }

    [Fact]
    public async Task RequestsPastTheLimitPerAddressAreAnsweredAlikeAndSendNothing()
    {
        var email = await SignedUpAsync();
        for (var i = 0; i < 3; i++)
            await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(email);
        await fixture.Smtp.WaitForAsync(email, count: 4);

        var fourth = await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(email);
        // The outbox sends in order: once a later mail has arrived, a fourth reset would have too.
        var marker = await SignedUpAsync();

        Assert.Contains("If an account exists", fourth);
        Assert.Equal(4, fixture.Smtp.To(email).Count);
        Assert.NotEmpty(fixture.Smtp.To(marker));
    }

    [Fact]
    public async Task TheSignInPageLinksToIt()
    {
        var signIn = await SignInPage.OpenAsync(NewBrowser());

        Assert.Equal("/password/forgot", signIn.Document.QuerySelector("#forgot-link")?.GetAttribute("href"));
    }
}
