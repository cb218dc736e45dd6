using System.Net;
using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>ASVS 7.4.3: after a factor change the result page offers to sign out every other session in one click.</summary>
public sealed class AfterFactorChangeTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    /// <summary>Two-step on in one browser, while a second browser holds another session of the same account.</summary>
    private async Task<(Browser Browser, Browser Other, IHtmlDocument OnPage)> EnrolledWithAnotherSessionAsync()
    {
        var browser = NewBrowser();
        var other = NewBrowser();
        await UserStories.SignedInTwiceAsync(browser, other);
        await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(Now);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        return (browser, other, await browser.GetDocumentAsync("/account/two-step"));
    }

    private static IHtmlFormElement Offer(IHtmlDocument page)
    {
        var form = Assert.IsAssignableFrom<IHtmlFormElement>(page.QuerySelector("#after-change-revoke-others"));
        Assert.Equal("post", form.Method, ignoreCase: true);
        Assert.Equal("/sessions/revoke-others", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        return form;
    }

    [Fact]
    public async Task TurningTwoStepOnListsTheOtherSessionAndOneClickSignsItOut()
    {
        var browser = NewBrowser();
        var other = NewBrowser();
        await UserStories.SignedInTwiceAsync(browser, other);
        var enrol = await TwoStepEnrolPage.OpenAsync(browser);
        var response = await enrol.PostAsync(TwoStepEnrolPage.CodeFor(enrol.Secret, Now));
        var page = await Browser.ParseAsync(response);

        Assert.Single(page.QuerySelectorAll(".after-change-session"));
        var signedOut = await browser.SubmitAsync(Offer(page));

        Assert.Equal("/sessions", signedOut.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task TurningTwoStepOffShowsAResultPageWithTheOffer()
    {
        var (browser, _, on) = await EnrolledWithAnotherSessionAsync();
        var form = Assert.IsAssignableFrom<IHtmlFormElement>(on.QuerySelector("#two-step-disable-form"));

        var response = await browser.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#two-step-off"));
        Offer(page);
    }

    [Fact]
    public async Task NewRecoveryCodesShowTheOffer()
    {
        var (browser, _, on) = await EnrolledWithAnotherSessionAsync();
        var form = Assert.IsAssignableFrom<IHtmlFormElement>(on.QuerySelector("#recovery-regenerate-form"));

        var page = await Browser.ParseAsync(await browser.SubmitAsync(form));

        Assert.NotEmpty(page.QuerySelectorAll("#recovery-codes .recovery-code"));
        Offer(page);
    }

    [Fact]
    public async Task WithoutOtherSessionsThereIsNoOffer()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);
        var enrol = await TwoStepEnrolPage.OpenAsync(browser);

        var page = await Browser.ParseAsync(await enrol.PostAsync(TwoStepEnrolPage.CodeFor(enrol.Secret, Now)));

        Assert.NotEmpty(page.QuerySelectorAll("#recovery-codes .recovery-code"));
        Assert.Null(page.QuerySelector("#after-change-revoke-others"));
    }
}
