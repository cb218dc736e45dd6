using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SessionSite.Accounts;
using SessionSite.Sessions;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;
using SessionSite.Web;

namespace SessionSite.Tests;

/// <summary>A sign-in whose password check happened before a password change must not leave a session after it.</summary>
public sealed class CredentialStampTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string NewPassword = "a brand new passphrase";

    private T Service<T>() where T : notnull => fixture.Site.Services.GetRequiredService<T>();

    [Fact]
    public async Task ASessionForAPasswordCheckedBeforeAChangeIsRefusedAfterIt()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        // A sign-in that has just verified the old password and is about to create its session…
        var checkedBeforeTheChange = await Service<PasswordAuthenticator>().AuthenticateAsync(email, UserStories.Password);
        Assert.NotNull(checkedBeforeTheChange);

        // …is overtaken by a password change, which returns first.
        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, NewPassword);
        var late = await Service<SessionStore>().CreateAsync(checkedBeforeTheChange, persistent: false, new ClientDescription("127.0.0.1", "Racing sign-in"));

        Assert.Null(late);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        Assert.Equal([RedisInspection.StorageHashOf(browser.SessionCookie!)], fixture.Redis.IndexMembersOf(userId));
        Assert.Single(fixture.Redis.SessionKeysOf(userId));
    }

    [Fact]
    public async Task SignInsWithTheOldPasswordRacingAChangeLeaveOnlyTheChangersSession()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var racers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => SignInPage.OpenAsync(fixture.Site.NewBrowser())));
        var changePage = await ChangePasswordPage.OpenAsync(browser);

        var change = changePage.PostAsync(UserStories.Password, NewPassword);
        var signIns = racers.Select(async (page, i) =>
        {
            await Task.Delay(i * 2);
            return await page.PostAsync(email, UserStories.Password);
        }).ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await change).StatusCode);
        await Task.WhenAll(signIns);

        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        var survivors = fixture.Redis.IndexMembersOf(userId);
        Assert.Equal([RedisInspection.StorageHashOf(browser.SessionCookie!)], survivors);
        foreach (var racer in racers.Where(r => r.Browser.SessionCookie is not null))
            Assert.Equal(HttpStatusCode.Redirect, (await racer.Browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task AHashUpgradeRacingAChangeDoesNotBringTheOldPasswordBack()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var users = Service<UserStore>();
        var readBeforeTheChange = (await users.FindByEmailAsync(email))!;

        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, NewPassword);
        await users.UpgradePasswordHashAsync(readBeforeTheChange, readBeforeTheChange.PasswordHash);

        var withOld = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, UserStories.Password);
        Assert.Equal("The email or password is incorrect.", withOld.Error);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email, NewPassword)).Email);
    }
}
