using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SessionSite.Accounts;
using SessionSite.Links;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>The main flows against a three-master Redis Cluster: only the connection string changes.</summary>
public sealed class ClusterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task SignUpSignInProfileAndSignOutWorkOnACluster()
    {
        var browser = fixture.Site.NewBrowser();
        var (profile, email) = await UserStories.SignUpAsync(browser, "Clustered");
        Assert.Equal("Clustered", profile.DisplayName);
        var cookie = browser.SessionCookie!;

        await profile.SignOutAsync();
        var replay = fixture.Site.NewBrowser().WithSessionCookie(cookie);

        Assert.Equal(HttpStatusCode.Redirect, (await replay.GetAsync("/profile")).StatusCode);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }

    [Fact]
    public async Task SessionListAndRevocationWorkOnACluster()
    {
        var first = fixture.Site.NewBrowser();
        var second = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        var third = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(third, email);

        var fromFirst = await SessionsPage.OpenAsync(first);
        Assert.Equal(3, fromFirst.Rows.Count);
        var afterRevoke = await fromFirst.RevokeAsync((await SessionsPage.OpenAsync(second)).Current.Handle);
        Assert.Equal(2, afterRevoke.Rows.Count);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/profile")).StatusCode);

        var alone = await afterRevoke.RevokeOthersAsync();
        Assert.Single(alone.Rows);
        Assert.Equal(HttpStatusCode.Redirect, (await third.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task PasswordChangeWorksOnACluster()
    {
        var browser = fixture.Site.NewBrowser();
        var other = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(browser, other);

        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, "clustered new passphrase");

        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email, "clustered new passphrase")).Email);
    }

    [Fact]
    public async Task AResetLinkIsCheckedAndAppliedInTheUsersSlotAndDeletionTakesItsLinksOnACluster()
    {
        var browser = fixture.Site.NewBrowser();
        var other = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(browser, other);
        var account = (await fixture.Site.Services.GetRequiredService<UserStore>().FindByEmailAsync(email))!;
        var links = fixture.Site.Services.GetRequiredService<SingleUseLinks>();
        var token = await links.IssueAsync(LinkPurpose.ResetPassword, account.Id, account.Email, account.CredentialStamp);

        var reset = await ResetPasswordPage.OpenAsync(fixture.Site.NewBrowser(), new Uri($"http://localhost/password/reset?token={token}"));
        await reset.SubmitAsync("clustered reset passphrase");
        var signedIn = fixture.Site.NewBrowser();
        await UserStories.SignInAsync(signedIn, email, "clustered reset passphrase");
        var pending = await links.IssueAsync(LinkPurpose.ResetPassword, account.Id, account.Email, account.CredentialStamp + 1);
        var deleted = await (await DeleteAccountPage.OpenAsync(signedIn)).PostAsync(email);

        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/profile")).StatusCode);
        Assert.NotNull((await Browser.ParseAsync(deleted)).QuerySelector("#account-deleted"));
        Assert.Null(await links.PeekAsync(LinkPurpose.ResetPassword, pending));
    }

    [Fact]
    public async Task ReadinessChecksTheCluster()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Site.NewBrowser().GetAsync("/readyz")).StatusCode);
    }
}
