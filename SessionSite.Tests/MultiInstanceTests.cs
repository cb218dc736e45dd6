using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Two site instances on one Redis behave as one site, as they would behind a load balancer.</summary>
public sealed class MultiInstanceTests(SiteFixture fixture) : IClassFixture<SiteFixture>, IAsyncLifetime
{
    private SiteFactory? otherInstance;

    private SiteFactory A => fixture.Site;

    private SiteFactory B => otherInstance!;

    public Task InitializeAsync()
    {
        otherInstance = new SiteFactory(fixture.Redis);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await otherInstance!.DisposeAsync();

    [Fact]
    public async Task SignedInOnAIsSignedInOnB()
    {
        var onA = A.NewBrowser();
        await UserStories.SignUpAsync(onA, "Everywhere");
        var onB = B.NewBrowser(onA.Cookies);

        var profile = await ProfilePage.OpenAsync(onB);

        Assert.Equal("Everywhere", profile.DisplayName);
    }

    [Fact]
    public async Task SignOutOnBIsRejectedOnAAtItsNextRequest()
    {
        var onA = A.NewBrowser();
        await UserStories.SignUpAsync(onA);
        var cookie = onA.SessionCookie!;
        var onB = B.NewBrowser(new CookieContainer()).WithSessionCookie(cookie);

        await (await ProfilePage.OpenAsync(onB)).SignOutAsync();

        var replay = A.NewBrowser().WithSessionCookie(cookie);
        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task RevokeOnBEndsASessionServedByA()
    {
        var first = A.NewBrowser();
        var second = B.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        var firstId = (await SessionsPage.OpenAsync(first)).Current.Handle;

        await (await SessionsPage.OpenAsync(second)).RevokeAsync(firstId);

        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task AFormRenderedByAPostsToB()
    {
        var (_, email) = await UserStories.SignUpAsync(A.NewBrowser());
        var onA = A.NewBrowser();
        var form = await onA.GetDocumentAsync("/signin");
        var onB = B.NewBrowser(onA.Cookies);

        var profile = await new SignInPage(onB, form).SubmitAsync(email, UserStories.Password);

        Assert.Equal(email, profile.Email);
        Assert.True(fixture.Redis.Database.ListLength("dataprotection:keys") > 0);
    }
}
