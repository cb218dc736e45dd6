using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Wording and consistency found on the tour (issue 24 §3.9).</summary>
public sealed class WordingTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private const string NameMeaning = "the name you see on every device where you're signed in";

    [Fact]
    public async Task TheDisplayNameHintAndItsErrorSayTheSameThing()
    {
        var signUp = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(UserStories.NewEmail(), "", UserStories.Password);
        var (profile, _) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var edit = await profile.Browser.GetDocumentAsync("/account/profile");

        Assert.Contains(NameMeaning, signUp.Document.QuerySelector("#DisplayName-hint")!.TextContent);
        Assert.Contains(NameMeaning, signUp.FieldError("DisplayName"));
        Assert.Contains(NameMeaning, edit.QuerySelector("#DisplayName-hint")!.TextContent);
    }

    [Fact]
    public async Task TheHomePageSaysWhatTwoStepSignInIsInPlainWords()
    {
        var home = await fixture.Site.NewBrowser().GetDocumentAsync("/");

        Assert.DoesNotContain("to signing in", home.Body!.TextContent);
        Assert.Contains("a code from your phone as well when you sign in", home.Body!.TextContent);
    }

    [Fact]
    public async Task TheProfilesButtonsShareOneStyle()
    {
        var (profile, _) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        var styles = profile.Document.QuerySelectorAll("#profile a.btn[id^='profile-']")
            .Select(b => string.Join(' ', b.ClassList.Where(c => c.StartsWith("btn-")))).Distinct().ToList();

        Assert.Equal(["btn-outline-secondary"], styles);
    }

    [Theory]
    [InlineData("/signup", false)]
    [InlineData("/signin", false)]
    [InlineData("/password/forgot", false)]
    [InlineData("/account/profile", true)]
    [InlineData("/account/email", true)]
    [InlineData("/account/password", true)]
    [InlineData("/account/delete", true)]
    public async Task EveryFieldHasAVisibleLabel(string path, bool signedIn)
    {
        var browser = fixture.Site.NewBrowser();
        if (signedIn)
            await UserStories.SignUpAsync(browser);

        var page = await browser.GetDocumentAsync(path);
        var fields = page.QuerySelectorAll("main input:not([type=hidden]):not(.d-none), main select, main textarea").ToList();

        Assert.NotEmpty(fields);
        Assert.All(fields, field => Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"label[for='{field.Id}']")?.TextContent), $"{field.Id} on {path} has no visible label"));
    }
}
