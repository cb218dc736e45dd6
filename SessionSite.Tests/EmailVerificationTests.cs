using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Every account has a verified flag, set by opening the link that sign-up mails.</summary>
public sealed class EmailVerificationTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static async Task<Uri> VerifyLinkAsync(SmtpCatcher smtp, string email, int nth = 1) =>
        SmtpCatcher.LinkIn((await smtp.WaitForAsync(email, count: nth))[nth - 1], "/email/verify");

    [Fact]
    public async Task SignUpMailsALinkAndTheProfileSaysTheAddressIsNotConfirmedYet()
    {
        var (profile, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser(), "Verifiable");

        var mail = Assert.Single(await fixture.Smtp.WaitForAsync(email));

        Assert.Equal("Confirm your email address for SessionSite", mail.Subject);
        Assert.Contains("24 hours", mail.TextBody);
        Assert.Contains("Verifiable", mail.HtmlBody);
        Assert.False(profile.EmailVerified);
        Assert.True(profile.OffersToResendTheLink);
    }

    [Fact]
    public async Task OpeningTheLinkConfirmsTheAddressOnEverySessionOfTheAccount()
    {
        var first = fixture.Site.NewBrowser();
        var second = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        var link = await VerifyLinkAsync(fixture.Smtp, email);

        var response = await first.GetAsync(link.PathAndQuery);
        var onFirst = new ProfilePage(first, await first.FollowRedirectAsync(response, "/profile"));
        var onSecond = await ProfilePage.OpenAsync(second);

        Assert.Equal("Your email address is confirmed.", onFirst.Flash);
        Assert.True(onFirst.EmailVerified);
        Assert.True(onSecond.EmailVerified);
        Assert.False(onSecond.OffersToResendTheLink);
        Assert.Equal(HttpStatusCode.BadRequest, (await fixture.Site.NewBrowser().GetAsync(link.PathAndQuery)).StatusCode); // used up
    }

    [Fact]
    public async Task TheProfileCanAskForTheLinkAgainAndTheNewOneWorks()
    {
        var browser = fixture.Site.NewBrowser();
        var (profile, email) = await UserStories.SignUpAsync(browser);
        await fixture.Smtp.WaitForAsync(email);

        var after = await profile.ResendVerificationAsync();
        var link = await VerifyLinkAsync(fixture.Smtp, email, nth: 2);
        await browser.GetAsync(link.PathAndQuery);

        Assert.Equal($"We've sent a new confirmation link to {email}.", after.Flash);
        Assert.True((await ProfilePage.OpenAsync(browser)).EmailVerified);
    }

    [Fact]
    public async Task TheLinkExpiresAfter24Hours()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var link = await VerifyLinkAsync(fixture.Smtp, email);

        fixture.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        var response = await fixture.Site.NewBrowser().GetAsync(link.PathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#link-invalid"));
    }
}

/// <summary>With <c>Accounts:RequireVerifiedEmail</c>: registration reveals nothing, and nobody signs in unverified.</summary>
public sealed class RequiredVerificationTests(VerifiedOnlyMailFixture fixture) : IClassFixture<VerifiedOnlyMailFixture>
{
    private const int NoticesPerAddress = 3; // the default

    private async Task<HttpResponseMessage> SignUpAsync(Browser browser, string email) =>
        await (await SignUpPage.OpenAsync(browser)).PostAsync(email, "Careful", UserStories.Password);

    [Fact]
    public async Task SignUpAnswersCheckYourInboxForNewAndRegisteredAddressesAlike()
    {
        var registered = UserStories.NewEmail();
        await SignUpAsync(fixture.Site.NewBrowser(), registered);
        await fixture.Smtp.WaitForAsync(registered);
        var fresh = UserStories.NewEmail();
        var freshBrowser = fixture.Site.NewBrowser();
        var registeredBrowser = fixture.Site.NewBrowser();

        var forFresh = await SignUpAsync(freshBrowser, fresh);
        var forRegistered = await SignUpAsync(registeredBrowser, registered);

        Assert.Equal(forFresh.StatusCode, forRegistered.StatusCode);
        var freshText = (await Browser.ParseAsync(forFresh)).QuerySelector("#check-inbox")!.TextContent;
        var registeredText = (await Browser.ParseAsync(forRegistered)).QuerySelector("#check-inbox")!.TextContent;
        Assert.Equal(freshText, registeredText);
        Assert.Null(freshBrowser.SessionCookie);
        Assert.Null(registeredBrowser.SessionCookie);
        Assert.Equal("Confirm your email address for SessionSite", Assert.Single(await fixture.Smtp.WaitForAsync(fresh)).Subject);
        Assert.Equal("Someone tried to sign up with your address", (await fixture.Smtp.WaitForAsync(registered, count: 2))[1].Subject);
    }

    [Fact]
    public async Task AnUnverifiedAccountMustConfirmBeforeItSignsIn()
    {
        var email = UserStories.NewEmail();
        await SignUpAsync(fixture.Site.NewBrowser(), email);
        var link = SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(email)), "/email/verify");
        var browser = fixture.Site.NewBrowser();

        var unverified = await (await SignInPage.OpenAsync(browser)).PostAsync(email, UserStories.Password);
        var page = await Browser.ParseAsync(unverified);

        Assert.Equal(HttpStatusCode.OK, unverified.StatusCode);
        Assert.NotNull(page.QuerySelector("#verify-first"));
        Assert.NotNull(page.QuerySelector("#resend-verification-form"));
        Assert.Null(browser.SessionCookie);

        await fixture.Site.NewBrowser().GetAsync(link.PathAndQuery);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }
    [Fact]
    public async Task SignUpAttemptNoticesToOneAddressAreCappedAndThePageStaysTheSame()
    {
        var registered = UserStories.NewEmail();
        await SignUpAsync(fixture.Site.NewBrowser(), registered);
        await fixture.Smtp.WaitForAsync(registered);
        var answers = new List<string>();

        for (var i = 0; i < NoticesPerAddress + 1; i++)
            answers.Add((await Browser.ParseAsync(await SignUpAsync(fixture.Site.NewBrowser(), registered))).QuerySelector("#check-inbox")!.TextContent);

        Assert.Single(answers.Distinct());
        await MailMarker.SendAsync(fixture.Smtp, fixture.Site.NewBrowser(), registered);
        Assert.Equal(NoticesPerAddress, fixture.Smtp.To(registered).Count(m => m.Subject == "Someone tried to sign up with your address"));
    }

    [Fact]
    public async Task TheSignedOutResendMailsAKnownUnconfirmedAddressAWorkingLinkAndAnswersUnknownOnesAlike()
    {
        var email = UserStories.NewEmail();
        await SignUpAsync(fixture.Site.NewBrowser(), email);
        await fixture.Smtp.WaitForAsync(email);
        var browser = fixture.Site.NewBrowser();
        var verifyFirst = await Browser.ParseAsync(await (await SignInPage.OpenAsync(browser)).PostAsync(email, UserStories.Password));
        var form = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(verifyFirst.QuerySelector("#resend-verification-form"));

        var forKnown = await browser.SubmitAsync(form);
        var forUnknown = await browser.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = UserStories.NewEmail() });

        Assert.Equal(HttpStatusCode.OK, forKnown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forUnknown.StatusCode);
        Assert.Equal((await Browser.ParseAsync(forKnown)).QuerySelector("#check-inbox")!.TextContent,
            (await Browser.ParseAsync(forUnknown)).QuerySelector("#check-inbox")!.TextContent);
        var link = SmtpCatcher.LinkIn((await fixture.Smtp.WaitForAsync(email, count: 2))[1], "/email/verify");
        await fixture.Site.NewBrowser().GetAsync(link.PathAndQuery);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }
}
