using System.Net;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests.Passkeys;

/// <summary>
/// What stands around a passkey sign-in: the per-address limit on challenges, failures counted per address like
/// wrong passwords, "confirm your email first", and "this wasn't me" taking back a passkey an intruder added.
/// Site instances with other settings share the fixture's Redis and SMTP server.
/// </summary>
public sealed class PasskeyGuardTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private async Task<(Browser Browser, string Email, SoftwareAuthenticator Authenticator)> WithPasskeyAsync()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var (_, email) = await UserStories.SignUpAsync(browser);
        var authenticator = new SoftwareAuthenticator();
        await PasskeyStories.AddAsync(browser, authenticator);
        return (browser, email, authenticator);
    }

    [Fact]
    public async Task ChallengesAreLimitedPerClientAddress()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Passkeys:OptionsRequestLimit"] = "2" });
        var ip = NewIp();
        for (var i = 0; i < 2; i++)
            await PasskeyStories.OptionsJsonAsync(await (await PasskeySignInForm.OpenAsync(site.NewBrowser().ComingFrom(ip))).RequestOptionsAsync());

        var refused = await (await PasskeySignInForm.OpenAsync(site.NewBrowser().ComingFrom(ip))).RequestOptionsAsync();
        var elsewhere = await (await PasskeySignInForm.OpenAsync(site.NewBrowser().ComingFrom(NewIp()))).RequestOptionsAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    [Fact]
    public async Task FailedPasskeySignInsCountAgainstTheClientAddress()
    {
        var (_, _, authenticator) = await WithPasskeyAsync();
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Throttling:IpFailureLimit"] = "2" });
        var ip = NewIp();
        for (var i = 0; i < 2; i++)
        {
            var failed = await PasskeyStories.SignInAsync(site.NewBrowser().ComingFrom(ip), authenticator,
                answer: options => authenticator.Assert(options, PasskeyStories.Origin, userVerified: false));
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var browser = site.NewBrowser().ComingFrom(ip);
        var throttled = await PasskeyStories.SignInAsync(browser, authenticator);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.Null(browser.SessionCookie);
        Assert.Equal(HttpStatusCode.Redirect, (await PasskeyStories.SignInAsync(site.NewBrowser().ComingFrom(NewIp()), authenticator)).StatusCode);
    }

    [Fact]
    public async Task AnUnconfirmedAccountIsAskedToConfirmItsEmailFirst()
    {
        var (_, _, authenticator) = await WithPasskeyAsync();
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Accounts:RequireVerifiedEmail"] = "true" });
        var browser = site.NewBrowser().ComingFrom(NewIp());

        var response = await PasskeyStories.SignInAsync(browser, authenticator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#verify-first"));
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task ThisWasntMeOnTheAddedNoticeRemovesThePasskeyAndItsLookup()
    {
        var (browser, email, authenticator) = await WithPasskeyAsync();
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "The passkeys of your SessionSite account changed"), "the notice");
        var link = SmtpCatcher.LinkIn(fixture.Smtp.To(email).First(m => m.Subject == "The passkeys of your SessionSite account changed"), "/account/recover");

        var owner = fixture.Site.NewBrowser().ComingFrom(NewIp());
        await (await RecoverPage.OpenAsync(owner, link)).SecureAsync();

        Assert.False(fixture.Redis.Database.HashExists(RedisKeys.Passkeys(userId), authenticator.CredentialIdText));
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.PasskeyLookup(authenticator.CredentialIdText)));
        var intruder = fixture.Site.NewBrowser().ComingFrom(NewIp());
        Assert.Equal(HttpStatusCode.OK, (await PasskeyStories.SignInAsync(intruder, authenticator)).StatusCode);
        Assert.Null(intruder.SessionCookie);
    }
}
