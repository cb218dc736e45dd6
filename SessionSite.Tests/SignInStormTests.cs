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
}
