using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;

namespace SessionSite.Tests.Passkeys;

/// <summary>
/// Assertions no honest browser would send, made by the software authenticator: each is refused, nobody is signed
/// in, and the refusal is logged by its kind only (never the credential id).
/// </summary>
public sealed class PasskeyRefusalTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string ChallengeCookie = "sessionsite-passkey";

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private async Task<(Browser Browser, string UserId)> WithPasskeyAsync(SoftwareAuthenticator authenticator)
    {
        var browser = NewBrowser();
        await UserStories.SignUpAsync(browser);
        await PasskeyStories.AddAsync(browser, authenticator);
        return (browser, RedisInspection.UserIdOf(browser.SessionCookie!));
    }

    private static async Task AssertRefusedAsync(Browser browser, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not accepted", (await Browser.ParseAsync(response)).QuerySelector("#signin-errors")?.TextContent);
        Assert.Null(browser.SessionCookie);
    }

    private void AssertLoggedWithoutTheCredential(string reason, SoftwareAuthenticator authenticator)
    {
        var refusals = fixture.Site.Logs.Entries.Where(e => e.EventId.Id == 1051).ToList();
        Assert.Contains(refusals, e => e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Site.Logs.Entries, e => e.Message.Contains(authenticator.CredentialIdText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAssertionWithoutUserVerificationIsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        await WithPasskeyAsync(authenticator);
        var browser = NewBrowser();

        var response = await PasskeyStories.SignInAsync(browser, authenticator,
            answer: options => authenticator.Assert(options, PasskeyStories.Origin, userVerified: false));

        await AssertRefusedAsync(browser, response);
        AssertLoggedWithoutTheCredential("Invalid", authenticator);
    }

    [Fact]
    public async Task AReplayedAssertionIsRefusedEvenWithItsChallengeCookie()
    {
        // No counter: nothing but the recorded challenge can tell the copy from the original.
        using var authenticator = new SoftwareAuthenticator { Counts = false };
        await WithPasskeyAsync(authenticator);
        var browser = NewBrowser();
        var form = await Pages.PasskeySignInForm.OpenAsync(browser);
        var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());
        var challengeCookie = browser.Cookies.GetCookies(Browser.Site)[ChallengeCookie]!.Value;
        var assertion = authenticator.Assert(options, PasskeyStories.Origin);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(assertion)).StatusCode);

        var attacker = NewBrowser();
        var replayForm = await Pages.PasskeySignInForm.OpenAsync(attacker);
        attacker.Cookies.Add(Browser.Site, new Cookie(ChallengeCookie, challengeCookie, "/"));
        var replay = await replayForm.PostAsync(assertion);

        await AssertRefusedAsync(attacker, replay);
        AssertLoggedWithoutTheCredential("Replayed", authenticator);
    }

    [Fact]
    public async Task ASignCountGoingBackwardsIsRefusedAndLogged()
    {
        using var authenticator = new SoftwareAuthenticator { SignCount = 5 };
        await WithPasskeyAsync(authenticator);
        Assert.Equal(HttpStatusCode.Redirect, (await PasskeyStories.SignInAsync(NewBrowser(), authenticator)).StatusCode);

        authenticator.SignCount = 3; // a clone of the authenticator, made before its last use
        var browser = NewBrowser();
        var response = await PasskeyStories.SignInAsync(browser, authenticator);

        await AssertRefusedAsync(browser, response);
        AssertLoggedWithoutTheCredential("CounterNotIncreasing", authenticator);
    }

    [Fact]
    public async Task OneAccountsCredentialPresentedForAnotherIsRefused()
    {
        using var mine = new SoftwareAuthenticator();
        using var theirs = new SoftwareAuthenticator();
        await WithPasskeyAsync(mine);
        var (_, theirUserId) = await WithPasskeyAsync(theirs);
        var browser = NewBrowser();

        var response = await PasskeyStories.SignInAsync(browser, mine,
            answer: options => mine.Assert(options, PasskeyStories.Origin, userHandle: theirUserId));

        await AssertRefusedAsync(browser, response);
    }

    [Fact]
    public async Task AnAssertionWithoutItsChallengeCookieIsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        await WithPasskeyAsync(authenticator);
        var browser = NewBrowser();
        var form = await Pages.PasskeySignInForm.OpenAsync(browser);
        var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());

        var otherBrowser = NewBrowser();
        var response = await (await Pages.PasskeySignInForm.OpenAsync(otherBrowser)).PostAsync(authenticator.Assert(options, PasskeyStories.Origin));

        await AssertRefusedAsync(otherBrowser, response);
    }

    [Fact]
    public async Task AnExpiredChallengeIsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        await WithPasskeyAsync(authenticator);
        var browser = NewBrowser();
        var form = await Pages.PasskeySignInForm.OpenAsync(browser);
        var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());

        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var response = await form.PostAsync(authenticator.Assert(options, PasskeyStories.Origin));

        await AssertRefusedAsync(browser, response);
    }

    [Fact]
    public async Task AnAssertionForAnotherOriginIsRefused()
    {
        using var authenticator = new SoftwareAuthenticator();
        await WithPasskeyAsync(authenticator);
        var browser = NewBrowser();

        var response = await PasskeyStories.SignInAsync(browser, authenticator,
            answer: options => authenticator.Assert(options, "http://localhost.evil.example"));

        await AssertRefusedAsync(browser, response);
    }

    [Fact]
    public async Task GarbageInsteadOfACredentialIsRefusedNotAnError()
    {
        var browser = NewBrowser();

        var response = await PasskeyStories.SignInAsync(browser, new SoftwareAuthenticator(), answer: _ => "{\"id\": 42, \"response\": []}");

        await AssertRefusedAsync(browser, response);
    }
}
