using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SignInStormTests(BoundedHashingFixture fixture) : IClassFixture<BoundedHashingFixture>
{
    [Fact]
    public async Task MoreConcurrentSignInsThanTheHashingLimitGetTheBusyAnswerAndNothingElseFails()
    {
        var signedIn = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(signedIn);
        var pages = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SignInPage.OpenAsync(fixture.Site.NewBrowser())));

        var storm = pages.Select((page, i) => page.PostAsync(email, i % 2 == 0 ? UserStories.Password : "wrong password")).ToArray();
        var profileDuringTheStorm = await signedIn.GetAsync("/profile");
        var responses = await Task.WhenAll(storm);

        Assert.Equal(HttpStatusCode.OK, profileDuringTheStorm.StatusCode);
        var busy = responses.Where(r => r.StatusCode == HttpStatusCode.ServiceUnavailable).ToList();
        Assert.NotEmpty(busy);
        foreach (var response in busy)
        {
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#site-busy"));
        }
        Assert.All(responses.Except(busy), r => Assert.True(r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, r.StatusCode.ToString()));
        Assert.DoesNotContain(fixture.Site.Logs.Entries, e => e.Message.Contains("RedisTimeoutException"));
    }

    [Fact]
    public async Task BusyAnswersDoNotCountAsWrongPasswordsSoTheAccountIsNotThrottledAfterwards()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var pages = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => SignInPage.OpenAsync(fixture.Site.NewBrowser())));

        var storm = await Task.WhenAll(pages.Select(page => page.PostAsync(email, UserStories.Password)));
        var after = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(email, UserStories.Password);

        Assert.Contains(storm, r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task WithTheHashingQueueFullSignInAndSignUpAnswerBusyBeforeCheckingTheFormOrItsToken()
    {
        // The cheap answer a storm meets: no token, no valid field, and still "busy", because the gate is full;
        // once it has room, the same post meets antiforgery again.
        var held = await HeldHashingTurn.TakeAsync(fixture.Site);
        var gate = held.Gate;
        var queued = gate.RunAsync(() => true);
        await Poll.UntilAsync(() => gate.IsFull, "the hashing queue to fill");
        var client = fixture.Site.NewBrowser().Client;
        var form = new Dictionary<string, string> { ["Email"] = "not an address", ["Password"] = "" };

        var signIn = await client.PostAsync("/signin", new FormUrlEncodedContent(form));
        var signUp = await client.PostAsync("/signup", new FormUrlEncodedContent(form));
        await held.DisposeAsync();
        await queued;
        var afterwards = await client.PostAsync("/signin", new FormUrlEncodedContent(form));

        foreach (var busy in new[] { signIn, signUp })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
            Assert.NotNull((await Browser.ParseAsync(busy)).QuerySelector("#site-busy"));
        }
        Assert.Equal(HttpStatusCode.BadRequest, afterwards.StatusCode);
    }
}
