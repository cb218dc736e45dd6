using System.Net;
using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

public sealed class AntiforgeryTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/signup")]
    [InlineData("/signin")]
    public async Task PostWithoutAntiforgeryTokenIsRejectedAndWritesNothing(string path)
    {
        var browser = fixture.Site.NewBrowser();
        await browser.GetAsync(path);
        var email = UserStories.NewEmail();
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = "No Token", ["Password"] = UserStories.Password, ["ConfirmPassword"] = UserStories.Password,
        });

        var response = await browser.Client.PostAsync(path, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(fixture.Redis.HasAccountFor(email));
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task SignOutWithoutAntiforgeryTokenIsRejected()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        var response = await browser.Client.PostAsync("/signout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/profile")).StatusCode);
    }

    [Fact]
    public async Task PagesReuseTheRequestTokenMintedForTheBrowsersCookieAndItStillSignsOut()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        var first = await browser.GetDocumentAsync("/profile");
        var second = await browser.GetDocumentAsync("/sessions");
        var response = await browser.SubmitAsync(SignOutForm(second));

        Assert.Equal(SignOutToken(first), SignOutToken(second));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(browser.SessionCookie);
    }

    [Fact]
    public async Task AnotherBrowsersCookieGetsItsOwnToken()
    {
        var one = fixture.Site.NewBrowser();
        var other = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(one);
        await UserStories.SignUpAsync(other);

        Assert.NotEqual(SignOutToken(await one.GetDocumentAsync("/profile")), SignOutToken(await other.GetDocumentAsync("/profile")));
    }

    [Fact]
    public async Task AnInvalidAntiforgeryCookieIsReplacedEveryTimeNeverRemembered()
    {
        var browser = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(browser);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            browser.Cookies.Add(Browser.Site, new Cookie(AntiforgeryCookie, "forged-or-stale", "/"));
            var response = await browser.GetAsync("/profile");

            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AntiforgeryCookie + "=", StringComparison.Ordinal));
        }
        var signOut = await browser.SubmitAsync(SignOutForm(await browser.GetDocumentAsync("/profile")));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }

    [Fact]
    public async Task BadRequestPageIsFriendly()
    {
        var browser = fixture.Site.NewBrowser();

        var response = await browser.Client.PostAsync("/signin", new FormUrlEncodedContent([]));
        var document = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("400", document.QuerySelector("#status-page")?.GetAttribute("data-status"));
        Assert.DoesNotContain("Exception", document.DocumentElement.OuterHtml);
    }

    private const string AntiforgeryCookie = "sessionsite-antiforgery";

    private static IHtmlFormElement SignOutForm(IHtmlDocument page) =>
        Assert.IsAssignableFrom<IHtmlFormElement>(page.QuerySelector("#signout-form"));

    private static string SignOutToken(IHtmlDocument page) =>
        SignOutForm(page).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [Fact]
    public async Task ATokenMintedForAnAnonymousBrowserIsRefusedWithASignedInSession()
    {
        var victim = fixture.Site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(victim);
        await UserStories.SignInAsync(fixture.Site.NewBrowser(), email); // the victim's other session
        var attacker = fixture.Site.NewBrowser();
        var anonymousForm = Assert.IsAssignableFrom<IHtmlFormElement>((await attacker.GetDocumentAsync("/signin")).QuerySelector("#signin-form"));
        var anonymousToken = anonymousForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        attacker.WithSessionCookie(victim.SessionCookie!);
        var response = await attacker.Client.PostAsync("/sessions/revoke-others", new FormUrlEncodedContent([new("__RequestVerificationToken", anonymousToken)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, fixture.Redis.IndexMembersOf(Infrastructure.RedisInspection.UserIdOf(victim.SessionCookie!)).Count);
    }

    [Fact]
    public async Task ATokenMintedForOneUserIsRefusedWithAnotherUsersSession()
    {
        var mallory = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(mallory, "Mallory");
        var malloryToken = SignOutToken((await mallory.GetDocumentAsync("/profile")));
        var victim = fixture.Site.NewBrowser();
        await UserStories.SignUpAsync(victim, "Victim");

        mallory.WithSessionCookie(victim.SessionCookie!);
        var response = await mallory.Client.PostAsync("/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", malloryToken)]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/profile")).StatusCode);
    }
}
