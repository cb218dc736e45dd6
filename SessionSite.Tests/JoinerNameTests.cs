using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Names written with joiners (emoji sequences, Persian) are accepted; hidden characters are refused by name.</summary>
public sealed class JoinerNameTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("Ana 👩‍💻")]
    [InlineData("👨‍👩‍👧‍👦 🏳️‍🌈")]
    [InlineData("می‌خواهم")]
    public async Task ANameWithJoinersIsAcceptedAtSignUpAndOnTheProfile(string name)
    {
        var profile = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitAsync(UserStories.NewEmail(), name, UserStories.Password);

        var saved = await (await EditProfilePage.OpenAsync(profile.Browser)).SaveAsync(name + name);

        Assert.Equal(name, profile.DisplayName);
        Assert.Equal("Your profile has been saved.", saved.Flash);
        Assert.Equal(name + name, saved.SignedInName);
    }

    [Fact]
    public async Task ABidiOverrideIsRefusedBesideTheFieldByItsName()
    {
        var again = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(UserStories.NewEmail(), "Admin\u202Egnp.exe", UserStories.Password);

        Assert.Contains("U+202E RIGHT-TO-LEFT OVERRIDE", again.FieldError("DisplayName"));
        Assert.False(again.IsSignedIn);
    }

    [Fact]
    public async Task AnEmailAddressKeepsRefusingJoiners()
    {
        var again = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync("a\u200Db@example.com", "Name", UserStories.Password);

        Assert.Contains("U+200D ZERO WIDTH JOINER", again.FieldError("Email"));
    }
}
