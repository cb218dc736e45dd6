using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>What the signed-in person is told about their own address is what happened (issue 24 §3.6).</summary>
public sealed class TruthfulMessageTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const int LinksPerAddress = 3; // the default

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    [Fact]
    public async Task PastTheLimitTheSignedInResendSaysTheLimitInsteadOfSent()
    {
        var (profile, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()));
        for (var i = 0; i < LinksPerAddress; i++)
            profile = await profile.ResendVerificationAsync();

        var refused = await profile.ResendVerificationAsync();

        Assert.Equal($"We've sent a new confirmation link to {email}.", profile.Flash);
        Assert.StartsWith("We didn't send another link: an address gets at most 3 links in 1 hour.", refused.Flash);
        Assert.Equal(1 + LinksPerAddress, (await fixture.Smtp.WaitForAsync(email, count: 1 + LinksPerAddress)).Count);
    }

    [Fact]
    public async Task AskingAgainAfterConfirmingSaysTheAddressIsAlreadyConfirmed()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var (profile, email) = await UserStories.SignUpAsync(browser);
        var link = SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(email)), "/email/verify");
        await browser.GetAsync(link.PathAndQuery);

        var after = await profile.ResendVerificationAsync(); // the form of the page opened before confirming

        Assert.Equal("Your email address is already confirmed.", after.Flash);
    }

    [Fact]
    public async Task AUsedConfirmationLinkOpenedSignedInAndConfirmedSaysAlreadyConfirmed()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var (_, email) = await UserStories.SignUpAsync(browser);
        var link = SmtpCatcher.LinkIn(Assert.Single(await fixture.Smtp.WaitForAsync(email)), "/email/verify");
        await browser.GetAsync(link.PathAndQuery);

        var again = await browser.GetAsync(link.PathAndQuery);
        var profile = new ProfilePage(browser, await browser.FollowRedirectAsync(again, "/profile"));

        Assert.Equal($"Your email address, {email}, is already confirmed.", profile.Flash);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await fixture.Site.NewBrowser().GetAsync(link.PathAndQuery)).StatusCode);
    }

    [Fact]
    public async Task TheSecondStepPageAsksForTheCodeWithoutJudgingThePassword()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var (_, email) = await UserStories.SignUpAsync(browser);
        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        var other = fixture.Site.NewBrowser().ComingFrom(NewIp());

        var response = await (await SignInPage.OpenAsync(other)).PostAsync(email, UserStories.Password);
        var secondStep = await TwoStepSignInPage.OpenAsync(other, response.Headers.Location!.OriginalString);

        Assert.DoesNotContain("Your password is right", secondStep.Document.Body!.TextContent);
        Assert.Contains("One more step: open your authenticator app", secondStep.Document.Body!.TextContent);
    }
}
