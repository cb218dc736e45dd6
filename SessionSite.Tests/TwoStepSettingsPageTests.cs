using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Issue 24 §1: two-step settings in sections, grouped recovery codes, and being told how many are left.</summary>
public sealed class TwoStepSettingsPageTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private async Task<(Browser Browser, string Email, IReadOnlyList<string> Codes)> EnrolledAsync()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var (_, codes) = await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        return (browser, email, codes);
    }

    private static async Task<TwoStepSignInPage> PasswordAsync(Browser browser, string email)
    {
        var response = await (await SignInPage.OpenAsync(browser)).PostAsync(email, UserStories.Password);
        return await TwoStepSignInPage.OpenAsync(browser, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheSettingsShowTheAppAndTheCodesLeftInSections()
    {
        var (browser, _, _) = await EnrolledAsync();

        var page = await TwoStepOnPage.OpenAsync(browser);

        Assert.Contains("Added", page.Document.QuerySelector("#two-step-app #two-step-app-status")!.TextContent);
        Assert.Contains("last used", page.Document.QuerySelector("#two-step-app-status")!.TextContent);
        Assert.Equal("10", page.Document.QuerySelector("#recovery-codes-left")?.GetAttribute("data-left"));
        Assert.Contains("10 of 10 left", page.Document.QuerySelector("#recovery-codes-left")!.TextContent);
        Assert.NotNull(page.Document.QuerySelector("#two-step-recovery #recovery-regenerate-form"));
        Assert.NotNull(page.Document.QuerySelector("#two-step-turn-off #two-step-disable-form"));
    }

    [Fact]
    public async Task TheCodesPageOffersCopyDownloadAndPrintBuiltByAScriptFile()
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);
        var enrol = await TwoStepEnrolPage.OpenAsync(browser);

        var codesPage = await Browser.ParseAsync(await enrol.PostAsync(TwoStepEnrolPage.CodeFor(enrol.Secret, fixture.Clock.GetUtcNow())));

        Assert.NotNull(codesPage.QuerySelector("#recovery-codes-actions[hidden] #recovery-codes-copy"));
        Assert.NotNull(codesPage.QuerySelector("#recovery-codes-actions #recovery-codes-download"));
        Assert.NotNull(codesPage.QuerySelector("#recovery-codes-actions #recovery-codes-print"));
        Assert.Contains(codesPage.Scripts, s => s.Source?.Contains("/js/recovery-codes.js") == true);
        Assert.DoesNotContain(codesPage.Scripts, s => string.IsNullOrWhiteSpace(s.Source)); // no inline script: the CSP stays
    }

    [Fact]
    public async Task ARecoveryCodeTypedWithoutGroupsSignsInAndSaysHowManyAreLeftOnThePageAndByMail()
    {
        var (_, email, codes) = await EnrolledAsync();
        var browser = NewBrowser();
        var twoStep = await PasswordAsync(browser, email);

        var response = await twoStep.PostRecoveryCodeAsync(codes[0].Replace("-", "").ToUpperInvariant());
        var landed = new ProfilePage(browser, await browser.FollowRedirectAsync(response, "/profile"));

        Assert.Contains("You used a recovery code: 9 are left.", landed.Flash);
        const string subject = "A recovery code was used on your SessionSite account";
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == subject), "the recovery-code notice");
        var mail = fixture.Smtp.To(email).First(m => m.Subject == subject);
        Assert.Contains("9 of your recovery codes are left", mail.TextBody);
    }

    [Fact]
    public async Task OnTheSecondStepTheRecoveryFormIsBehindUseARecoveryCodeAndOpensWhenRefused()
    {
        var (_, email, _) = await EnrolledAsync();
        var browser = NewBrowser();
        var twoStep = await PasswordAsync(browser, email);

        var details = twoStep.Document.QuerySelector("details#recovery-details");
        Assert.NotNull(details);
        Assert.Contains("Use a recovery code", details.QuerySelector("summary#recovery-link")!.TextContent);
        Assert.NotNull(details.QuerySelector("#recovery-form"));
        Assert.False(details.HasAttribute("open"));

        var refused = await twoStep.PostRecoveryCodeAsync("not-a-code");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True((await Browser.ParseAsync(refused)).QuerySelector("details#recovery-details")!.HasAttribute("open"));
    }
}
