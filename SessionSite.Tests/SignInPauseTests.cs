using System.Globalization;
using System.Net;
using MimeKit;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>When wrong passwords pause an account's sign-in, its owner hears of it (sparingly), and a reset lets them straight back in.</summary>
public sealed class SignInPauseTests(PausedSignInMailFixture fixture) : IClassFixture<PausedSignInMailFixture>
{
    private const string Subject = "Sign-in to your SessionSite account is paused";
    private const string WrongPassword = "not-the-password-7q";

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private async Task<string> SignedUpAsync()
    {
        var (_, email) = await UserStories.SignUpAsync(NewBrowser());
        await fixture.Smtp.WaitForAsync(email); // its confirmation link
        return email;
    }

    private async Task FailAsync(string email, int times = PausedSignInMailFixture.AccountLimit)
    {
        for (var i = 0; i < times; i++)
            Assert.Equal(HttpStatusCode.OK, (await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, WrongPassword)).StatusCode);
    }

    private IReadOnlyList<MimeMessage> Warnings(string email) => fixture.Smtp.To(email).Where(m => m.Subject == Subject).ToList();


    [Fact]
    public async Task TrippingThePasswordThrottleWarnsTheOwnerOncePerWindowWithTheTimeItLifts()
    {
        var email = await SignedUpAsync();
        var step = TimeSpan.FromMinutes(5);
        await FailAsync(email, 1);
        fixture.Clock.Advance(step);
        await FailAsync(email, 1);
        fixture.Clock.Advance(step);
        var trippedAt = fixture.Clock.GetUtcNow();
        await FailAsync(email, 1);
        var warning = Assert.Single(await fixture.Smtp.WaitForAsync(email, 2), m => m.Subject == Subject);

        // The first failure leaves the window: one slot frees, and one more failure fills it again, within the same warning window.
        fixture.Clock.Advance(step + TimeSpan.FromSeconds(1));
        await FailAsync(email, 1);
        await MailMarker.SendAsync(fixture.Smtp, NewBrowser(), email);
        Assert.Single(Warnings(email));

        fixture.Clock.Advance(PausedSignInMailFixture.AccountWindow);
        await FailAsync(email);
        await Poll.UntilAsync(() => Warnings(email).Count == 2, "a second warning in a new window");

        var liftsAt = (trippedAt - 2 * step + PausedSignInMailFixture.AccountWindow).UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture);
        Assert.Contains($"paused until {liftsAt} (UTC)", warning.TextBody);
        Assert.Contains("http://localhost/password/forgot", warning.TextBody);
        Assert.DoesNotContain("token=", warning.TextBody);
        Assert.DoesNotContain(WrongPassword, warning.TextBody);
        Assert.DoesNotContain(UserStories.Password, warning.TextBody);
    }

    [Fact]
    public async Task TheOwnerIsWarnedAtMostThreeTimesADay()
    {
        var email = await SignedUpAsync();
        for (var i = 0; i < 4; i++)
        {
            await FailAsync(email);
            fixture.Clock.Advance(PausedSignInMailFixture.AccountWindow + TimeSpan.FromSeconds(1));
        }

        await MailMarker.SendAsync(fixture.Smtp, NewBrowser(), email);

        Assert.Equal(3, Warnings(email).Count);
    }

    [Fact]
    public async Task UnknownAddressesTripTheThrottleWithoutMail()
    {
        var unknown = UserStories.NewEmail();

        await FailAsync(unknown);

        var response = await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(unknown, "wrong password");
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Empty(fixture.Smtp.To(unknown));
    }

    [Fact]
    public async Task AResetClearsThePasswordCountSoTheNewPasswordSignsInAtOnce()
    {
        var email = await SignedUpAsync();
        await FailAsync(email);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, UserStories.Password)).StatusCode);

        await (await ForgotPasswordPage.OpenAsync(NewBrowser())).AskForLinkAsync(email);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == "Reset your SessionSite password"), "the reset mail");
        var link = SmtpCatcher.LinkIn(fixture.Smtp.To(email).Single(m => m.Subject == "Reset your SessionSite password"), "/password/reset");
        await (await ResetPasswordPage.OpenAsync(NewBrowser(), link)).SubmitAsync("a passphrase after the reset");

        var signIn = await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, "a passphrase after the reset");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/profile", signIn.Headers.Location?.OriginalString);
    }
}
