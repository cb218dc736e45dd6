using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SlowRedisTests(SlowRedisFixture fixture) : IClassFixture<SlowRedisFixture>
{
    [Fact]
    public async Task PausedRedisGets503WithinTheTimeoutThenServiceResumes()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        await fixture.Redis.Database.ExecuteAsync("CLIENT", "PAUSE", "6000", "ALL");
        var paused = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, paused.StatusCode);
        Assert.NotNull(paused.Headers.RetryAfter);
        await Poll.UntilStatusAsync(browser.Client, "/profile", HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }
}

public sealed class FullRedisTests(FullRedisFixture fixture) : IClassFixture<FullRedisFixture>
{
    [Fact]
    public async Task WhenRedisIsFullSignUpAndSignInFailClearlyAndWriteNothingHalfway()
    {
        var (_, existing) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var signUp = await SignUpPage.OpenAsync(fixture.Site.NewBrowser());
        var signIn = await SignInPage.OpenAsync(fixture.Site.NewBrowser());
        var email = UserStories.NewEmail();
        // A memory limit below what Redis already holds: with noeviction every write that needs memory fails.
        await fixture.Redis.Server.ConfigSetAsync("maxmemory", "1");
        try
        {
            var refusedSignUp = await signUp.PostAsync(email, "Too Late", UserStories.Password);
            var refusedSignIn = await signIn.PostAsync(existing, UserStories.Password);

            foreach (var response in new[] { refusedSignUp, refusedSignIn })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#service-unavailable"));
            }
            Assert.False(fixture.Redis.Database.KeyExists($"email:{email}"));
            Assert.False(fixture.Redis.HasAccountFor(email));
        }
        finally
        {
            await fixture.Redis.Server.ConfigSetAsync("maxmemory", "0");
        }

        var profile = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitAsync(email, "Now", UserStories.Password);
        Assert.Equal(email, profile.Email);
    }
}
