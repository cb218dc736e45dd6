using System.Net;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Password guesses meet their limit: in parallel at sign-in the account's, on the password form the session's.</summary>
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
    public async Task WrongCurrentPasswordsOnThePasswordFormEndThatSessionAndNeverPauseTheOwnersSignIn()
    {
        const int limit = 10; // Throttling:ConfirmFailureLimit, shared with "confirm it's you"
        var thief = fixture.Site.NewBrowser().ComingFrom(NewIp());
        var (_, email) = await UserStories.SignUpAsync(thief);
        // From a new address each time, as a thief with a botnet would: the per-address limit never trips, the session's does.
        for (var i = 0; i < limit - 1; i++)
        {
            thief.ComingFrom(NewIp());
            var refused = await (await ChangePasswordPage.OpenAsync(thief)).SubmitExpectingErrorsAsync($"guess {i}", "a brand new passphrase");
            Assert.Equal("The current password is incorrect.", refused.FieldError("CurrentPassword"));
        }

        var last = await (await ChangePasswordPage.OpenAsync(thief.ComingFrom(NewIp()))).PostAsync("one guess too many", "a brand new passphrase");

        Assert.Equal("/signin", last.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/profile")).StatusCode);
        // More than the account's sign-in limit were wrong, yet the owner signs in at once, with the password unchanged.
        Assert.True(limit > ThrottlingFixture.AccountLimit);
        var owner = fixture.Site.NewBrowser().ComingFrom(NewIp());
        Assert.Equal(email, (await UserStories.SignInAsync(owner, email)).Email);
        Assert.Equal(limit, (await ActivityPage.OpenAsync(owner)).Events.Count(e => e == "confirm-failed"));
    }
}
