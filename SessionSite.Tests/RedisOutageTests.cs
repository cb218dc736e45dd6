using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class RedisOutageTests(RestartableRedisFixture fixture) : IClassFixture<RestartableRedisFixture>
{
    [Fact]
    public async Task WhileRedisIsDownPublicPagesRenderAndRedisPagesAnswer503ThenTheSiteRecovers()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser, "Outage");
        var signInPage = await SignInPage.OpenAsync(fixture.Site.NewBrowser());

        fixture.Redis.StopProcess();
        try
        {
            var home = await browser.GetAsync("/");
            var profile = await browser.GetAsync("/profile");
            var signIn = await signInPage.PostAsync(email, UserStories.Password);

            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            var homePage = new HomePage(browser, await Browser.ParseAsync(home));
            Assert.False(homePage.IsSignedIn);
            // Not a silently signed-out site: the person is told their session cannot be checked just now.
            Assert.NotNull(homePage.Document.QuerySelector("#session-unavailable"));
            Assert.NotNull((await Browser.ParseAsync(profile)).QuerySelector("#try-again"));
            Assert.DoesNotContain("Nothing you sent", (await Browser.ParseAsync(profile)).Body!.TextContent);
            Assert.Contains("Nothing you sent was changed or saved.", (await Browser.ParseAsync(signIn)).Body!.TextContent);
            foreach (var response in new[] { profile, signIn })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.NotNull(response.Headers.RetryAfter);
                var page = await Browser.ParseAsync(response);
                Assert.NotNull(page.QuerySelector("#service-unavailable"));
                Assert.DoesNotContain("Exception", page.DocumentElement.OuterHtml);
            }
        }
        finally
        {
            await fixture.Redis.StartProcessAsync();
        }

        var recovered = await Poll.UntilStatusAsync(browser.Client, "/profile", HttpStatusCode.OK);
        Assert.Equal("Outage", new ProfilePage(browser, await Browser.ParseAsync(recovered)).DisplayName);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task ASignedInFormPostedWhileRedisIsDownGetsTheOutagePageNotA500()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser, "Before");
        var edit = await EditProfilePage.OpenAsync(browser);

        fixture.Redis.StopProcess();
        HttpResponseMessage posted;
        try
        {
            // The gate cannot read the session; the error page it is re-executed to must not ask Redis again.
            posted = await edit.PostAsync("After");
        }
        finally
        {
            await fixture.Redis.StartProcessAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, posted.StatusCode);
        var page = await Browser.ParseAsync(posted);
        Assert.NotNull(page.QuerySelector("#service-unavailable"));
        Assert.Contains("Nothing you sent was changed or saved.", page.Body!.TextContent);
        var recovered = await Poll.UntilStatusAsync(browser.Client, "/profile", HttpStatusCode.OK);
        Assert.Equal("Before", new ProfilePage(browser, await Browser.ParseAsync(recovered)).DisplayName);
    }

    [Fact]
    public async Task ReadinessFollowsRedis()
    {
        var browser = fixture.Site.NewBrowser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/readyz")).StatusCode);

        fixture.Redis.StopProcess();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await fixture.Redis.StartProcessAsync();
        }
        await Poll.UntilStatusAsync(browser.Client, "/readyz", HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnOutageIsLoggedAsOneShortWarningPerRequestWithNoKeyEmailOrHash()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser, "Logged");
        var cookie = browser.SessionCookie!;
        var signIn = await SignInPage.OpenAsync(fixture.Site.NewBrowser());
        var signUp = await SignUpPage.OpenAsync(fixture.Site.NewBrowser());
        var newEmail = UserStories.NewEmail();
        var before = fixture.Site.Logs.Entries.Count;

        fixture.Redis.StopProcess();
        HttpResponseMessage[] responses;
        try
        {
            responses = [await browser.GetAsync("/profile"), await signIn.PostAsync(email, UserStories.Password),
                await signUp.PostAsync(newEmail, "Never stored", UserStories.Password)];
        }
        finally
        {
            await fixture.Redis.StartProcessAsync();
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        var logged = fixture.Site.Logs.Entries.Skip(before).ToList();
        Assert.Equal(responses.Length, logged.Count(e => e.EventId.Id == 2001));
        var text = string.Join("\n", logged.Select(e => e.Message));
        Assert.DoesNotContain("{user:", text);
        Assert.DoesNotContain(RedisInspection.StorageHashOf(cookie), text);
        Assert.DoesNotContain(RedisInspection.TokenOf(cookie), text);
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(newEmail, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" at StackExchange.Redis", text);
        await Poll.UntilStatusAsync(browser.Client, "/profile", HttpStatusCode.OK);
    }
}

public sealed class UnreachableRedisTests : IAsyncLifetime
{
    private readonly SiteFactory site = new(RedisServer.Unreachable());

    [Fact]
    public async Task SiteStartsWithoutRedisAndAnswers503WhereRedisIsNeeded()
    {
        var browser = site.NewBrowser().WithSessionCookie($"{new string('A', 22)}.{new string('A', 43)}");

        var home = await browser.GetAsync("/");
        var profile = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, profile.StatusCode);
        Assert.NotNull(profile.Headers.RetryAfter);
    }

    [Fact]
    public async Task AMalformedCookieOnAProtectedPageStillGoesToSignInWhileRedisIsUnreachable()
    {
        // No Redis is needed to see this cookie is no session; the "session ended" note (a protected cookie) must not turn that into a 500.
        var browser = site.NewBrowser().WithSessionCookie("not-a-session");

        var response = await browser.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?returnUrl=%2Fprofile", response.Headers.Location?.OriginalString);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();
}
