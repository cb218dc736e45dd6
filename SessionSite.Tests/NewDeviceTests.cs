using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>ASVS 6.3.5: a complete sign-in from a browser the account has not used is mailed to its owner, once.</summary>
public sealed class NewDeviceTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string Subject = "New sign-in to your SessionSite account";
    private const string DeviceCookieName = "sessionsite.device";
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    /// <summary>The new-device notices <paramref name="email"/> has had, once every mail queued before now has been sent.</summary>
    private async Task<IReadOnlyList<MimeKit.MimeMessage>> NoticesToAsync(string email)
    {
        var (_, marker) = await UserStories.SignUpAsync(NewBrowser()); // the outbox sends in order: later than everything before
        await fixture.Smtp.WaitForAsync(marker);
        return fixture.Smtp.To(email).Where(m => m.Subject == Subject).ToList();
    }

    [Fact]
    public async Task ANewBrowserIsAnnouncedOnceTheSameBrowserAndTheSignUpAreNot()
    {
        var first = NewBrowser();
        var (profile, email) = await UserStories.SignUpAsync(first);
        await profile.SignOutAsync();
        await UserStories.SignInAsync(first, email);
        Assert.Empty(await NoticesToAsync(email));

        var ip = NewIp();
        var second = fixture.Site.NewBrowser().ComingFrom(ip);
        second.Client.DefaultRequestHeaders.UserAgent.ParseAdd(Firefox);
        await UserStories.SignInAsync(second, email);
        var notice = Assert.Single(await NoticesToAsync(email));
        await (await ProfilePage.OpenAsync(second)).SignOutAsync();
        await UserStories.SignInAsync(second, email);

        Assert.Single(await NoticesToAsync(email));
        Assert.Contains("Firefox on Linux", notice.TextBody);
        Assert.Contains(ip, notice.TextBody);
        Assert.Contains(Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), notice.TextBody);
        Assert.Equal("/sessions", SmtpCatcher.LinkIn(notice, "/sessions").AbsolutePath);
        Assert.Equal("/account/recover", SmtpCatcher.LinkIn(notice, "/account/recover").AbsolutePath);
        // It never asks for a password: its only links are the sessions page and "this wasn't me", which asks for none.
        var paths = System.Text.RegularExpressions.Regex.Matches(notice.TextBody ?? "", @"https?://\S+").Select(m => new Uri(m.Value).AbsolutePath).ToHashSet();
        Assert.Equal(["/account/recover", "/sessions"], paths.Order());
        Assert.DoesNotContain("enter your password", notice.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("new-device", (await ActivityPage.OpenAsync(second)).Events);
    }

    [Fact]
    public async Task AfterTheSecondStepANewBrowserIsAnnouncedButNotAtThePasswordStep()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        var (secret, _) = await (await TwoStepEnrolPage.OpenAsync(owner)).TurnOnAsync(Now);
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        var browser = NewBrowser();
        var signIn = await (await SignInPage.OpenAsync(browser)).PostAsync(email, UserStories.Password);
        Assert.Equal("/signin/two-step?returnUrl=%2Fprofile", signIn.Headers.Location?.OriginalString);
        Assert.Empty(await NoticesToAsync(email));

        await (await TwoStepSignInPage.OpenAsync(browser)).PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, Now));

        Assert.Single(await NoticesToAsync(email));
    }

    [Fact]
    public async Task ABrowserAlreadySignedInWithoutADeviceCookieIsAdoptedSilently()
    {
        var first = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(first);
        // As every browser was on the day device cookies shipped: a live session, no device cookie.
        var before = NewBrowser().WithSessionCookie(first.SessionCookie!);

        await UserStories.SignInAsync(before, email);

        Assert.NotNull(before.Cookies.GetCookies(Browser.Site)[DeviceCookieName]);
        Assert.Empty(await NoticesToAsync(email));
    }

    [Fact]
    public async Task TheDeviceCookieIsHttpOnlyLaxAndLivesAYear()
    {
        var browser = NewBrowser();
        var response = await (await SignUpPage.OpenAsync(browser)).PostAsync(UserStories.NewEmail(), "Ada", UserStories.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.StartsWith(DeviceCookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", header, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", header, StringComparison.OrdinalIgnoreCase);
        Assert.True(browser.Cookies.GetCookies(Browser.Site)[DeviceCookieName]!.HttpOnly);
    }

    [Fact]
    public async Task AClientThatDropsCookiesCannotFloodTheOwnersInbox()
    {
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());

        for (var i = 0; i < 12; i++)
            await UserStories.SignInAsync(NewBrowser(), email); // a fresh cookie jar each time: a new device each time

        Assert.Equal(10, (await NoticesToAsync(email)).Count);
    }

    [Fact]
    public async Task ABrowserForgottenByThisWasntMeIsNotAnnouncedAgainTheSameDay()
    {
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());
        var stranger = NewBrowser();
        await UserStories.SignInAsync(stranger, email);
        var notice = Assert.Single(await NoticesToAsync(email));
        await (await RecoverPage.OpenAsync(NewBrowser(), SmtpCatcher.LinkIn(notice, "/account/recover"))).SecureAsync();
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Choose a new SessionSite password"), "the reset link");
        var reset = SmtpCatcher.LinkIn(fixture.Smtp.To(email).Last(m => m.Subject == "Choose a new SessionSite password"), "/password/reset");
        await (await ResetPasswordPage.OpenAsync(NewBrowser(), reset)).SubmitAsync("a passphrase after recovery");

        await UserStories.SignInAsync(stranger, email, "a passphrase after recovery");
        Assert.Single(await NoticesToAsync(email));
        await UserStories.SignInAsync(NewBrowser(), email, "a passphrase after recovery");

        Assert.Equal(2, (await NoticesToAsync(email)).Count);
    }
}
