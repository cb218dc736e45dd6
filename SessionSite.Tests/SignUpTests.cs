using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class SignUpTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task SignUpCreatesAccountAndLandsOnProfileSignedIn()
    {
        var browser = fixture.Site.NewBrowser();
        var email = UserStories.NewEmail();

        var profile = await (await SignUpPage.OpenAsync(browser)).SubmitAsync(email, "Grace Hopper", UserStories.Password);

        Assert.Equal(email, profile.Email);
        Assert.Equal("Grace Hopper", profile.DisplayName);
        Assert.Equal("Grace Hopper", profile.SignedInName);
        Assert.Equal($"Welcome, Grace Hopper! We've sent a confirmation link to {email}: open it to confirm your address.", profile.Flash);
        Assert.True(fixture.Redis.HasAccountFor(email));
    }

    [Fact]
    public async Task SignUpWithRegisteredEmailInAnotherCaseIsRejectedAndWritesNothing()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var accountsBefore = fixture.Redis.Keys(RedisInspection.AccountKeyOf("*")).Count;

        var again = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser()))
            .SubmitExpectingErrorsAsync($"  {email.ToUpperInvariant()} ", "Someone else", "another password");

        Assert.Contains("already exists", again.FieldError("Email"));
        Assert.False(again.IsSignedIn);
        Assert.Equal(accountsBefore, fixture.Redis.Keys(RedisInspection.AccountKeyOf("*")).Count);
    }

    public static TheoryData<string, string, string, string, string> InvalidSignUps => new()
    {
        { "not-an-email", "Name", "long enough pw", "long enough pw", "Email" },
        { "", "Name", "long enough pw", "long enough pw", "Email" },
        { new string('a', 250) + "@example.com", "Name", "long enough pw", "long enough pw", "Email" },
        { "{0}", "", "long enough pw", "long enough pw", "DisplayName" },
        { "{0}", new string('n', 65), "long enough pw", "long enough pw", "DisplayName" },
        { "{0}", "Name", "short", "short", "Password" },
        { "{0}", "Name", "", "", "Password" },
        { "{0}", "Name", new string('p', 129), new string('p', 129), "Password" },
        { "{0}", "Name", "long enough pw", "different pw!!", "ConfirmPassword" },
    };

    [Theory]
    [MemberData(nameof(InvalidSignUps))]
    public async Task InvalidSignUpShowsMessageBesideFieldAndStoresNothing(
        string email, string displayName, string password, string confirm, string field)
    {
        var address = string.Format(email, UserStories.NewEmail());
        var page = await SignUpPage.OpenAsync(fixture.Site.NewBrowser());

        var again = await page.SubmitExpectingErrorsAsync(address, displayName, password, confirm);

        Assert.NotNull(again.FieldError(field));
        Assert.False(again.IsSignedIn);
        Assert.Null(again.Browser.SessionCookie);
        if (address.Contains('@'))
            Assert.False(fixture.Redis.HasAccountFor(address));
    }

    /// <summary>{0} is a fresh address; null expected means refused beside the field.</summary>
    public static TheoryData<string, string?> Addresses => new()
    {
        { "\"second account\" <{0}>", null },
        { "{0}, other", null },
        { "{0}.", null },
        { "<{0}>", null },
        { " {0} ", "{0}" },
        { "{0}", "{0}" },
        { "ünïcødé-{0}", "ünïcødé-{0}" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task SignUpTakesOnlyABareAddress(string typed, string? kept)
    {
        var email = UserStories.NewEmail();
        var page = await SignUpPage.OpenAsync(fixture.Site.NewBrowser());

        var response = await page.PostAsync(string.Format(typed, email), "Name", UserStories.Password);

        if (kept is null)
        {
            var again = new SignUpPage(page.Browser, await Browser.ParseAsync(response));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Enter only the address, like name@example.com: no name, no second address, no dot at the end.", again.FieldError("Email"));
            Assert.False(fixture.Redis.HasAccountFor(email));
            return;
        }
        var profile = new ProfilePage(page.Browser, await page.Browser.FollowRedirectAsync(response, "/profile"));
        Assert.Equal(string.Format(kept, email), profile.Email);
    }

    [Fact]
    public async Task PasswordsAreNeverEchoedBackIntoTheForm()
    {
        var page = await SignUpPage.OpenAsync(fixture.Site.NewBrowser());

        var again = await page.SubmitExpectingErrorsAsync(UserStories.NewEmail(), "Name", "secret-pass-1", "secret-pass-2");

        Assert.DoesNotContain("secret-pass", again.Document.DocumentElement.OuterHtml);
    }
}
