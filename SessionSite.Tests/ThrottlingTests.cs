using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class ThrottlingTests(ThrottlingFixture fixture) : IClassFixture<ThrottlingFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser(string? ip = null) => fixture.Site.NewBrowser().ComingFrom(ip ?? NewIp());

    private async Task<string> SignedUpEmailAsync() => (await UserStories.SignUpAsync(NewBrowser())).Email;

    private async Task FailAsync(string email, int times, string? ip = null)
    {
        for (var i = 0; i < times; i++)
        {
            var page = await SignInPage.OpenAsync(NewBrowser(ip));
            Assert.Equal(HttpStatusCode.OK, (await page.PostAsync(email, "wrong password")).StatusCode);
        }
    }

    [Fact]
    public async Task AccountPastItsFailureLimitAnswers429WithRetryAfterEvenWithTheRightPassword()
    {
        var email = await SignedUpEmailAsync();
        await FailAsync(email, ThrottlingFixture.AccountLimit);

        var response = await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, UserStories.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.InRange(response.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, ThrottlingFixture.AccountWindow.TotalSeconds);
        var page = await Browser.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("#too-many-attempts"));
        Assert.Equal("/password/forgot", page.QuerySelector("#forgot-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task UnknownAndKnownAccountsAreThrottledAlike()
    {
        var known = await SignedUpEmailAsync();
        var unknown = UserStories.NewEmail();
        await FailAsync(known, ThrottlingFixture.AccountLimit);
        await FailAsync(unknown, ThrottlingFixture.AccountLimit);

        var forKnown = await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(known, "wrong password");
        var forUnknown = await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(unknown, "wrong password");

        Assert.Equal(HttpStatusCode.TooManyRequests, forKnown.StatusCode);
        Assert.Equal(forKnown.StatusCode, forUnknown.StatusCode);
        var knownText = (await Browser.ParseAsync(forKnown)).QuerySelector("#too-many-attempts")!.TextContent;
        var unknownText = (await Browser.ParseAsync(forUnknown)).QuerySelector("#too-many-attempts")!.TextContent;
        Assert.Equal(knownText, unknownText);
    }

    [Fact]
    public async Task ThrottleLiftsWhenFailuresStopSoNoOneIsLockedOutForGood()
    {
        var email = await SignedUpEmailAsync();
        await FailAsync(email, ThrottlingFixture.AccountLimit);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, UserStories.Password)).StatusCode);

        fixture.Clock.Advance(ThrottlingFixture.AccountWindow + TimeSpan.FromMilliseconds(1));

        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task SuccessfulSignInResetsTheAccountCounter()
    {
        var email = await SignedUpEmailAsync();
        await FailAsync(email, ThrottlingFixture.AccountLimit - 1);
        await UserStories.SignInAsync(NewBrowser(), email);

        await FailAsync(email, ThrottlingFixture.AccountLimit - 1);

        Assert.Equal(email, (await UserStories.SignInAsync(NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task OneClientIpFailingAcrossManyAccountsIsThrottled()
    {
        var ip = NewIp();
        for (var i = 0; i < ThrottlingFixture.IpLimit; i++)
            await FailAsync(UserStories.NewEmail(), 1, ip);

        var email = await SignedUpEmailAsync();
        var fromThatIp = await (await SignInPage.OpenAsync(NewBrowser(ip))).PostAsync(email, UserStories.Password);
        var fromElsewhere = await (await SignInPage.OpenAsync(NewBrowser())).PostAsync(email, UserStories.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fromThatIp.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, fromElsewhere.StatusCode);
    }

    [Fact]
    public async Task FailureCountsAreSharedByEverySiteInstance()
    {
        await using var otherInstance = new SiteFactory(fixture.Redis, ThrottlingFixture.ThrottleSettings, clock: fixture.Clock);
        var email = await SignedUpEmailAsync();
        await FailAsync(email, ThrottlingFixture.AccountLimit);

        var onOther = await (await SignInPage.OpenAsync(otherInstance.NewBrowser().ComingFrom(NewIp()))).PostAsync(email, UserStories.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, onOther.StatusCode);
    }

    [Fact]
    public async Task SignUpsArePerIpRateLimited()
    {
        var ip = NewIp();
        for (var i = 0; i < ThrottlingFixture.SignUpLimit; i++)
            await UserStories.SignUpAsync(NewBrowser(ip));

        var email = UserStories.NewEmail();
        var response = await (await SignUpPage.OpenAsync(NewBrowser(ip))).PostAsync(email, "One too many", UserStories.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var limited = (await Browser.ParseAsync(response)).QuerySelector("#signup-limited");
        Assert.NotNull(limited);
        Assert.Contains("try again in about", limited.TextContent);
        Assert.False(fixture.Redis.HasAccountFor(email));
    }

    [Fact]
    public async Task MistypedSignUpsDoNotCountAgainstTheLimit()
    {
        var ip = NewIp();
        for (var i = 0; i < ThrottlingFixture.SignUpLimit * 3; i++)
            await (await SignUpPage.OpenAsync(NewBrowser(ip))).SubmitExpectingErrorsAsync("not-an-email", "Typo", UserStories.Password);

        var (profile, _) = await UserStories.SignUpAsync(NewBrowser(ip));

        Assert.True(profile.IsSignedIn);
    }
    [Theory]
    [InlineData("Throttling:SecondStepFailureLimit", "0", "SecondStepFailureLimit")]
    [InlineData("Throttling:SecondStepWindow", "00:00:00", "SecondStepWindow")]
    [InlineData("Throttling:EmailChangesPerAddress", "0", "EmailChangesPerAddress")]
    [InlineData("Throttling:SignUpNoticesPerAddress", "0", "SignUpNoticesPerAddress")]
    public async Task AMistypedThrottleSettingStopsTheStartNamingIt(string key, string value, string named)
    {
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => site.CreateClient());

        Assert.Contains(named, error.Message);
    }
}
