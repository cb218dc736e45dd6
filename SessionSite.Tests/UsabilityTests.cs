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

        Assert.Matches(@"after 30 minutes without use, and at the latest on\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC", line);
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
        Assert.Equal("Enter a display name: the name you see on every device where you're signed in.", empty.FieldError("DisplayName"));
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

        foreach (var (path, form) in new[] { ("/account/password", "#password-form"), ("/account/confirm?returnUrl=%2Faccount%2Fdelete", "#confirm-identity-form") })
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

        Assert.False(alone.OffersToSignOutOthers);
        Assert.NotNull(alone.Document.QuerySelector("#only-session"));
        Assert.True(withAnother.OffersToSignOutOthers);
    }

    [Fact]
    public async Task EveryPageOffersSkipToContentAndAFooterThatSaysWhatIsKept()
    {
        var page = await fixture.Site.NewBrowser().GetDocumentAsync("/");

        Assert.Equal("#main", page.QuerySelector("a.skip-link")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("main#main"));
        Assert.Contains("90 days", page.QuerySelector("#site-footer")!.TextContent);
    }

    [Fact]
    public async Task TheSessionsPageListsThisDeviceFirstThenTheOthersByLastActivity()
    {
        var first = fixture.Site.NewBrowser();
        var second = fixture.Site.NewBrowser();
        var email = await UserStories.SignedInTwiceAsync(first, second);
        await UserStories.SignInAsync(fixture.Site.NewBrowser(), email);

        var page = await SessionsPage.OpenAsync(second);

        Assert.True(page.Rows[0].IsCurrent);
        Assert.Equal("This device", page.Document.QuerySelector("tr.session-current #current-session")?.TextContent.Trim());
        var lastActive = page.Document.QuerySelectorAll("tr.session-row time.session-last-active").Skip(1).Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!)).ToList();
        Assert.Equal(lastActive.OrderByDescending(t => t), lastActive);
        Assert.All(page.Document.QuerySelectorAll("tr.session-row time.session-last-active"), t => Assert.Equal("active", t.GetAttribute("data-relative")));
        Assert.All(page.Document.QuerySelectorAll("tr.session-row:not(.session-current) a.revoke-link"), a => Assert.Equal("Sign out this device", a.TextContent.Trim()));
    }

    [Fact]
    public async Task SigningADeviceOutAsksFirstAndAGetChangesNothing()
    {
        var first = fixture.Site.NewBrowser();
        var second = fixture.Site.NewBrowser();
        await UserStories.SignedInTwiceAsync(first, second);
        var handle = (await SessionsPage.OpenAsync(second)).Current.Handle;

        var confirm = await first.GetDocumentAsync($"/sessions/{handle}/revoke");

        Assert.NotNull(confirm.QuerySelector("#confirm-revoke-form"));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.GetAsync("/sessions/no-such-handle/revoke")).StatusCode);
    }

    [Fact]
    public async Task ABrowserSignedOutByAPasswordChangeIsToldWhy()
    {
        var changer = fixture.Site.NewBrowser();
        var other = fixture.Site.NewBrowser();
        await UserStories.SignedInTwiceAsync(changer, other);
        await (await ChangePasswordPage.OpenAsync(changer)).SubmitAsync(UserStories.Password, "another passphrase entirely");

        var response = await other.GetAsync("/profile");
        var signIn = await SignInPage.OpenAsync(other, response.Headers.Location!.OriginalString);

        Assert.Equal("You were signed out because your password was changed. Please sign in again.", signIn.Flash);
        Assert.Contains("alert-warning", signIn.Document.QuerySelector("#flash-message")!.ClassList);
    }
}
