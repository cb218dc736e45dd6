using System.Net;
using System.Text.Json;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests.Passkeys;

/// <summary>
/// A passkey as the second step (#two-step-passkey on /signin/two-step) and to confirm it's you (#confirm-passkey on
/// /account/confirm), with a software authenticator: only the session's own user's passkeys count, a refusal counts
/// like a wrong code or password, and a success does what a right code or password does.
/// </summary>
public sealed class PasskeyStepTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser(SiteFactory? site = null) => (site ?? fixture.Site).NewBrowser().ComingFrom(NewIp());

    /// <summary>A signed-up account with a passkey and, when asked, two-step sign-in on.</summary>
    private async Task<(Browser Browser, string Email)> WithPasskeyAsync(SoftwareAuthenticator authenticator, bool twoStep, SiteFactory? site = null)
    {
        var browser = NewBrowser(site);
        var (_, email) = await UserStories.SignUpAsync(browser);
        await PasskeyStories.AddAsync(browser, authenticator);
        if (twoStep)
        {
            await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
            fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        }
        return (browser, email);
    }

    /// <summary>The password posted on /signin: a half-way browser, waiting for its second step.</summary>
    private async Task<Browser> HalfWayAsync(string email, SiteFactory? site = null, string? returnUrl = null)
    {
        var browser = NewBrowser(site);
        var signIn = await SignInPage.OpenAsync(browser, returnUrl is null ? "/signin" : $"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var response = await signIn.PostAsync(email, UserStories.Password);
        Assert.StartsWith("/signin/two-step", response.Headers.Location?.OriginalString);
        return browser;
    }

    private static IReadOnlyList<string> AllowedIds(string optionsJson)
    {
        using var options = JsonDocument.Parse(optionsJson);
        return options.RootElement.GetProperty("allowCredentials").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
    }

    [Fact]
    public async Task EveryChallengeIs32FreshBytes()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (owner, email) = await WithPasskeyAsync(authenticator, twoStep: true);
        var anonymous = NewBrowser();
        var halfWay = await HalfWayAsync(email);
        var challenges = new List<string>();
        foreach (var options in new[]
        {
            await (await PasskeySignInForm.OpenAsync(anonymous)).RequestOptionsAsync(),
            await (await PasskeySignInForm.OpenAsync(anonymous)).RequestOptionsAsync(),
            await (await PasskeyStepForm.TwoStepAsync(halfWay)).RequestOptionsAsync(),
            await (await PasskeyStepForm.ConfirmAsync(owner, PasskeysPage.Path)).RequestOptionsAsync(),
            await (await PasskeysPage.OpenAsync(owner)).RequestOptionsAsync(),
        })
        {
            using var json = JsonDocument.Parse(await PasskeyStories.OptionsJsonAsync(options));
            challenges.Add(json.RootElement.GetProperty("challenge").GetString()!);
        }

        Assert.All(challenges, c => Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(c).Length));
        Assert.Equal(challenges.Count, challenges.Distinct().Count());
    }

    [Fact]
    public async Task TheAccountsOwnPasskeyCompletesTheSecondStepWithANewToken()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (_, email) = await WithPasskeyAsync(authenticator, twoStep: true);
        var browser = await HalfWayAsync(email, returnUrl: "/sessions");
        var halfWay = browser.SessionCookie!;
        var form = await PasskeyStepForm.TwoStepAsync(browser, "/signin/two-step?returnUrl=%2Fsessions");
        var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());
        Assert.Equal([authenticator.CredentialIdText], AllowedIds(options));

        var done = await form.PostAsync(authenticator.Assert(options, PasskeyStories.Origin));

        Assert.Equal("/sessions", done.Headers.Location?.OriginalString);
        Assert.NotEqual(halfWay, browser.SessionCookie);
        Assert.Equal(HttpStatusCode.Redirect, (await fixture.Site.NewBrowser().WithSessionCookie(halfWay).GetAsync("/profile")).StatusCode);
        var current = (await SessionsPage.OpenAsync(browser)).Document.QuerySelector("tr.session-current");
        Assert.NotNull(current?.QuerySelector(".session-two-step"));
        Assert.Contains("signed-in", (await ActivityPage.OpenAsync(browser)).Events);
    }

    [Fact]
    public async Task AnotherAccountsPasskeyIsRefusedAsTheSecondStepAndCountsAsAWrongCode()
    {
        using var mine = new SoftwareAuthenticator();
        using var theirs = new SoftwareAuthenticator();
        var (owner, email) = await WithPasskeyAsync(mine, twoStep: true);
        await WithPasskeyAsync(theirs, twoStep: false);
        var browser = await HalfWayAsync(email);
        var form = await PasskeyStepForm.TwoStepAsync(browser);
        var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());

        var refused = await form.PostAsync(theirs.Assert(options, PasskeyStories.Origin));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not accepted", (await Browser.ParseAsync(refused)).QuerySelector("#two-step-passkey-error")?.TextContent);
        Assert.Equal("/signin/two-step", (await browser.GetAsync("/profile")).Headers.Location?.OriginalString);
        Assert.Contains("second-step-failed", (await ActivityPage.OpenAsync(owner)).Events);
    }

    [Fact]
    public async Task RefusedPasskeysFillTheSecondStepWindowAndEndTheHalfWaySession()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Throttling:SecondStepFailureLimit"] = "2" });
        using var authenticator = new SoftwareAuthenticator();
        var (_, email) = await WithPasskeyAsync(authenticator, twoStep: true, site);
        var browser = await HalfWayAsync(email, site);
        for (var i = 0; i < 2; i++)
        {
            var form = await PasskeyStepForm.TwoStepAsync(browser);
            var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());
            Assert.Equal(HttpStatusCode.OK, (await form.PostAsync(authenticator.Assert(options, PasskeyStories.Origin, userVerified: false))).StatusCode);
        }
        var last = await PasskeyStepForm.TwoStepAsync(browser);
        var lastOptions = await PasskeyStories.OptionsJsonAsync(await last.RequestOptionsAsync());

        var third = await last.PostAsync(authenticator.Assert(lastOptions, PasskeyStories.Origin));

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task TheSecondStepOffersAPasskeyOnlyToAnAccountThatHasOne()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (_, withPasskey) = await WithPasskeyAsync(authenticator, twoStep: true);
        var without = NewBrowser();
        var (_, withoutPasskey) = await UserStories.SignUpAsync(without);
        await (await TwoStepEnrolPage.OpenAsync(without)).TurnOnAsync(fixture.Clock.GetUtcNow());
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));

        var offered = await (await HalfWayAsync(withPasskey)).GetDocumentAsync("/signin/two-step");
        var notOffered = await (await HalfWayAsync(withoutPasskey)).GetDocumentAsync("/signin/two-step");

        Assert.NotNull(offered.QuerySelector("#two-step-passkey"));
        Assert.Null(notOffered.QuerySelector("#two-step-passkey"));
        Assert.NotNull(notOffered.QuerySelector("#two-step-signin-form"));
    }

    [Fact]
    public async Task WithoutJavaScriptTheSecondStepPasskeyButtonSaysSo()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (owner, email) = await WithPasskeyAsync(authenticator, twoStep: true);
        var browser = await HalfWayAsync(email);

        var response = await (await PasskeyStepForm.TwoStepAsync(browser)).PostAsync("");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("needs JavaScript", (await Browser.ParseAsync(response)).QuerySelector("#two-step-passkey-error")?.TextContent);
        Assert.DoesNotContain("second-step-failed", (await ActivityPage.OpenAsync(owner)).Events);
    }

    [Fact]
    public async Task APasskeyConfirmsItsYouAsThePasswordDoes()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (browser, _) = await WithPasskeyAsync(authenticator, twoStep: true);
        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Redirect, (await (await PasskeysPage.OpenAsync(browser)).RequestOptionsAsync()).StatusCode);
        var before = browser.SessionCookie;
        var form = await PasskeyStepForm.ConfirmAsync(browser, PasskeysPage.Path);
        var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());
        Assert.Equal([authenticator.CredentialIdText], AllowedIds(options));

        var confirmed = await form.PostAsync(authenticator.Assert(options, PasskeyStories.Origin));

        Assert.Equal(PasskeysPage.Path, confirmed.Headers.Location?.OriginalString);
        Assert.NotEqual(before, browser.SessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await (await PasskeysPage.OpenAsync(browser)).RequestOptionsAsync()).StatusCode);
        Assert.Contains("confirmed", (await ActivityPage.OpenAsync(browser)).Events);
    }

    [Fact]
    public async Task AnotherAccountsPasskeyDoesNotConfirm()
    {
        using var mine = new SoftwareAuthenticator();
        using var theirs = new SoftwareAuthenticator();
        var (browser, _) = await WithPasskeyAsync(mine, twoStep: false);
        await WithPasskeyAsync(theirs, twoStep: false);
        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        var form = await PasskeyStepForm.ConfirmAsync(browser, PasskeysPage.Path);
        var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());

        var refused = await form.PostAsync(theirs.Assert(options, PasskeyStories.Origin));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not accepted", (await Browser.ParseAsync(refused)).QuerySelector("#confirm-passkey-error")?.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await (await PasskeysPage.OpenAsync(browser)).RequestOptionsAsync()).StatusCode);
        Assert.Contains("confirm-failed", (await ActivityPage.OpenAsync(browser)).Events);
    }
}
