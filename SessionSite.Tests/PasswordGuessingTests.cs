using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Password guesses, however they arrive (in parallel, or through the password-change form), meet one limit.</summary>
public sealed class PasswordGuessingTests(ThrottlingFixture fixture) : IClassFixture<ThrottlingFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    [Fact]
    public async Task ParallelWrongPasswordsNeverGetMoreThanTheAccountLimitAnswered()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()));
        var pages = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SignInPage.OpenAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()))));

        var responses = await Task.WhenAll(pages.Select(page => page.PostAsync(email, "wrong password")));

        Assert.Equal(ThrottlingFixture.AccountLimit, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(pages.Length - ThrottlingFixture.AccountLimit, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task WrongCurrentPasswordsOnThePasswordFormCountAgainstTheAccountAndTheFormSaysSo()
    {
        var browser = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var (_, email) = await UserStories.SignUpAsync(browser);
        for (var i = 0; i < ThrottlingFixture.AccountLimit; i++)
            await (await ChangePasswordPage.OpenAsync(browser)).SubmitExpectingErrorsAsync("wrong password", "a brand new passphrase");

        var withTheRightOne = await (await ChangePasswordPage.OpenAsync(browser)).PostAsync(UserStories.Password, "a brand new passphrase");

        Assert.Equal(HttpStatusCode.TooManyRequests, withTheRightOne.StatusCode);
        Assert.NotNull(withTheRightOne.Headers.RetryAfter);
        var page = new ChangePasswordPage(browser, await Browser.ParseAsync(withTheRightOne));
        Assert.Contains("Too many wrong passwords", page.FieldError("CurrentPassword"));
        // Unchanged, and the same throttle now holds the sign-in page too.
        var signIn = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()))).PostAsync(email, UserStories.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, signIn.StatusCode);
    }
}
