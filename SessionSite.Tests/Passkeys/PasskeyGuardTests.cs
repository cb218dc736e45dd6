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
    public async Task ThisWasntMeOnALaterNoticeAlsoRemovesAPasskeyAddedWhileAnEarlierLinkWasOpen()
    {
        // An intruder with the password adds a passkey, then changes the password; the owner answers the newest
        // notice. A passkey signs in on its own, without the password recovery retires, so it must go too.
        var (browser, email, authenticator) = await WithPasskeyAsync();
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "an intruder's passphrase 7");
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Your SessionSite password was changed"), "the notice");
        var link = SmtpCatcher.LinkIn(fixture.Smtp.To(email).First(m => m.Subject == "Your SessionSite password was changed"), "/account/recover");

        await (await RecoverPage.OpenAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()), link)).SecureAsync();

        Assert.False(fixture.Redis.Database.HashExists(RedisKeys.Passkeys(userId), authenticator.CredentialIdText));
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.PasskeyLookup(authenticator.CredentialIdText)));
        var intruder = fixture.Site.NewBrowser().ComingFrom(NewIp());
        await PasskeyStories.SignInAsync(intruder, authenticator);
        Assert.Null(intruder.SessionCookie);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task AResetOfAnAddressNeverConfirmedRemovesThePasskeysSomeoneElseMayHaveAdded(bool confirmedFirst, bool passkeyKept)
    {
        // Someone signs up with an address that is not theirs and adds a passkey; the address's owner resets the
        // password. Until that link, nobody had proved the mailbox: the passkey goes. A confirmed account's stays.
        var (browser, email, authenticator) = await WithPasskeyAsync();
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        bool IsSubject(MimeKit.MimeMessage m, string part) => m.Subject?.Contains(part) == true;
        if (confirmedFirst)
        {
            await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => IsSubject(m, "Confirm")), "the confirmation mail");
            await fixture.Site.NewBrowser().GetAsync(SmtpCatcher.LinkIn(fixture.Smtp.To(email).First(m => IsSubject(m, "Confirm")), "/email/verify").PathAndQuery);
        }
        await (await ForgotPasswordPage.OpenAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()))).AskForLinkAsync(email);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => IsSubject(m, "Reset")), "the reset mail");
        var link = SmtpCatcher.LinkIn(fixture.Smtp.To(email).First(m => IsSubject(m, "Reset")), "/password/reset");

        await (await ResetPasswordPage.OpenAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()), link)).SubmitAsync("the owner's new passphrase 9");

        Assert.Equal(passkeyKept, fixture.Redis.Database.HashExists(RedisKeys.Passkeys(userId), authenticator.CredentialIdText));
        Assert.Equal(passkeyKept, fixture.Redis.Database.KeyExists(RedisKeys.PasskeyLookup(authenticator.CredentialIdText)));
        var holder = fixture.Site.NewBrowser().ComingFrom(NewIp());
        await PasskeyStories.SignInAsync(holder, authenticator);
        Assert.Equal(passkeyKept, holder.SessionCookie is not null);
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
