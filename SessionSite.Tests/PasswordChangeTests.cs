using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class PasswordChangeTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string NewPassword = "a brand new passphrase";

    [Fact]
    public async Task PasswordChangeEndsOtherSessionsAndRotatesThisBrowsersToken()
    {
        var browser = fixture.Site.NewBrowser();
        var other = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(browser, other);
        var before = browser.SessionCookie!;

        var profile = await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, NewPassword);

        Assert.Equal("Your password has been changed and every other session has been signed out.", profile.Flash);
        Assert.NotEqual(before, browser.SessionCookie);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/profile")).StatusCode);
        var thief = fixture.Site.NewBrowser().WithSessionCookie(before);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/profile")).StatusCode);
        Assert.Single((await SessionsPage.OpenAsync(browser)).Rows);
        Assert.Single(fixture.Redis.IndexMembersOf(RedisInspection.UserIdOf(browser.SessionCookie!)));
    }

    [Fact]
    public async Task AfterAChangeOnlyTheNewPasswordSignsIn()
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        await (await ChangePasswordPage.OpenAsync(browser)).SubmitAsync(UserStories.Password, NewPassword);

        var withOld = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, UserStories.Password);
        var withNew = await UserStories.SignInAsync(fixture.Site.NewBrowser(), email, NewPassword);

        Assert.Equal("The email or password is incorrect.", withOld.Error);
        Assert.Equal(email, withNew.Email);
    }

    [Fact]
    public async Task WrongCurrentPasswordChangesNothing()
    {
        var browser = fixture.Site.NewBrowser();
        var other = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(browser, other);
        var cookie = browser.SessionCookie;

        var again = await (await ChangePasswordPage.OpenAsync(browser)).SubmitExpectingErrorsAsync("not my password", NewPassword);

        Assert.Equal("The current password is incorrect.", again.FieldError("CurrentPassword"));
        Assert.Equal(cookie, browser.SessionCookie);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/profile")).StatusCode);
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }

    [Theory]
    [InlineData("short", "short", "NewPassword")]
    [InlineData(NewPassword, "something else entirely", "ConfirmNewPassword")]
    public async Task InvalidNewPasswordIsRefusedBesideItsField(string next, string confirm, string field)
    {
        var browser = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);

        var again = await (await ChangePasswordPage.OpenAsync(browser)).SubmitExpectingErrorsAsync(UserStories.Password, next, confirm);

        Assert.NotNull(again.FieldError(field));
        Assert.Equal(email, (await UserStories.SignInAsync(fixture.Site.NewBrowser(), email)).Email);
    }
}
