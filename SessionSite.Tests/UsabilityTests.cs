using System.Net;
using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>The defects a new user met in an hour with the site, each pinned.</summary>
public sealed class UsabilityTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task SignedInTheHomePageGreetsThePersonAndLinksToWhatTheyCanDo()
    {
        var (profile, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser(), "Greeted");

        var home = await HomePage.OpenAsync(profile.Browser);

        Assert.Equal("Hello, Greeted", home.Document.QuerySelector("#home-greeting")?.TextContent.Trim());
        Assert.Contains(email, home.Document.QuerySelector("#home")!.TextContent);
        Assert.Equal(["/profile", "/sessions", "/account"], home.Document.QuerySelectorAll("#home-links a").Select(a => a.GetAttribute("href")!));
        Assert.Null(home.Document.QuerySelector("#home-signup"));
    }

    [Fact]
    public async Task AnonymousTheHomePageExplainsInPlainWordsWithSignUpFirst()
    {
        var home = await HomePage.OpenAsync(fixture.Site.NewBrowser());

        Assert.Equal("/signup", home.Document.QuerySelector("#home-signup")?.GetAttribute("href"));
        Assert.DoesNotContain("HttpOnly", home.Document.QuerySelector("#home")!.TextContent);
    }

    [Theory]
    [InlineData("/signin")]
    [InlineData("/signup")]
    public async Task SignInAndSignUpTellASignedInVisitorWhoTheyAreSignedInAs(string path)
    {
        var (profile, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser(), "Already Here");

        var page = await profile.Browser.GetDocumentAsync(path);

        var note = page.QuerySelector("#signed-in-as");
        Assert.NotNull(note);
        Assert.Contains("Already Here", note.TextContent);
        Assert.Contains(email, note.TextContent);
        Assert.NotNull(note.QuerySelector("a[href='/profile']"));
        Assert.NotNull(note.QuerySelector("#signed-in-as-signout"));
    }

    [Fact]
    public async Task ALongNameIsCutInTheNavbarWithTheWholeNameInItsTitleAndTheLimitIsSaid()
    {
        var name = new string('W', 64);
        var (profile, _) = await UserStories.SignUpAsync(fixture.Site.NewBrowser(), name);

        Assert.Equal(name, profile.Document.QuerySelector("#nav-user")?.GetAttribute("title"));
        Assert.Contains("64 characters", (await fixture.Site.NewBrowser().GetDocumentAsync("/signup")).QuerySelector("#DisplayName-hint")!.TextContent);
    }

    [Fact]
    public async Task TheProfileSaysHowLongTheSessionLastsTheWayPeopleThink()
    {
        var (profile, _) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        var line = profile.Document.QuerySelector("#profile-session-expires")!.TextContent;

        Assert.Matches(@"you're idle for 30 minutes, and at most until\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", line);
    }

    [Fact]
    public async Task ChangingThePasswordToTheCurrentOneIsRefusedAndEndsNothing()
    {
        var browser = fixture.Site.NewBrowser();
        var other = fixture.Site.NewBrowser();
        await UserStories.SignedInTwiceAsync(browser, other);

        var again = await (await ChangePasswordPage.OpenAsync(browser)).SubmitExpectingErrorsAsync(UserStories.Password, UserStories.Password);

        Assert.Equal("That is your current password. Choose a different one.", again.FieldError("NewPassword"));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task AWrongCurrentPasswordIsReportedEvenWhileOtherFieldsAreWrong()
    {
        var (profile, _) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        var again = await (await ChangePasswordPage.OpenAsync(profile.Browser)).SubmitExpectingErrorsAsync("not my password", "short", "other");

        Assert.Equal("The current password is incorrect.", again.FieldError("CurrentPassword"));
        Assert.NotNull(again.FieldError("NewPassword"));
    }

    [Fact]
    public async Task MessagesAreInPlainWordsNotTheFrameworksDefaults()
    {
        var empty = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync("", "", "");
        var badEmail = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync("name-at-example", "Name", UserStories.Password);

        Assert.Equal("Enter your email address.", empty.FieldError("Email"));
        Assert.Equal("Enter the name other people will see.", empty.FieldError("DisplayName"));
        Assert.Equal("Choose a password of at least 8 characters.", empty.FieldError("Password"));
        Assert.Equal("Enter an email address like name@example.com.", badEmail.FieldError("Email"));
        Assert.DoesNotContain("field is required", empty.Document.Body!.TextContent);
    }

    [Fact]
    public async Task AFailedSignInIsOneAlertThatTakesTheFocus()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        var again = await (await SignInPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, "wrong password");

        var alert = again.Document.QuerySelector("#signin-errors")!;
        Assert.Contains("alert", alert.ClassList);
        Assert.Empty(alert.QuerySelectorAll("li"));
        Assert.True(alert.HasAttribute("data-focus-on-load"));
        Assert.Equal("The email or password is incorrect.", alert.TextContent.Trim());
    }

    [Fact]
    public async Task ARegisteredAddressAtSignUpLinksToSignInWithTheAddressFilledIn()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var browser = fixture.Site.NewBrowser();

        var again = await (await SignUpPage.OpenAsync(browser)).SubmitExpectingErrorsAsync(email, "Twice", UserStories.Password);
        var link = again.Document.QuerySelector("#signin-instead")?.GetAttribute("href");
        var signIn = await SignInPage.OpenAsync(browser, link!);

        Assert.Equal(email, Assert.IsAssignableFrom<IHtmlInputElement>(signIn.Document.QuerySelector("#Email")).Value);
    }

    [Fact]
    public async Task EveryPasswordFormNamesTheAccountForPasswordManagers()
    {
        var (profile, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        foreach (var (path, form) in new[] { ("/account/password", "#password-form"), ("/account/email", "#email-form"), ("/account/delete", "#delete-form"), ("/account", "#data-form") })
        {
            var page = await profile.Browser.GetDocumentAsync(path);
            var username = page.QuerySelector($"{form} input[autocomplete=username]");
            Assert.True(username is not null, path);
            Assert.Equal(email, username.GetAttribute("value"));
            Assert.All(page.QuerySelectorAll($"{form} input[type=password]"), p => Assert.Contains(p.GetAttribute("autocomplete"), new[] { "current-password", "new-password" }));
        }
    }

    [Fact]
    public async Task SignOutAllOtherSessionsIsOfferedOnlyWhenThereAreOthers()
    {
        var first = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(first);

        var alone = await SessionsPage.OpenAsync(first);
        await UserStories.SignInAsync(fixture.Site.NewBrowser(), email);
        var withAnother = await SessionsPage.OpenAsync(first);

        Assert.Null(alone.Document.QuerySelector("#revoke-others-form"));
        Assert.NotNull(alone.Document.QuerySelector("#only-session"));
        Assert.NotNull(withAnother.Document.QuerySelector("#revoke-others-form"));
    }

    [Fact]
    public async Task EveryPageOffersSkipToContentAndAFooterThatSaysWhatIsKept()
    {
        var page = await fixture.Site.NewBrowser().GetDocumentAsync("/");

        Assert.Equal("#main", page.QuerySelector("a.skip-link")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.Contains("90 days", page.QuerySelector("#site-footer")!.TextContent);
    }
}
