using System.Net;
using System.Net.Http.Headers;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Input an attacker or a broken client might send: each gets a clear answer, never a 500.</summary>
public sealed class HostileInputTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("Email")]
    [InlineData("DisplayName")]
    public async Task TenKilobyteFieldGetsAValidationMessageAndStoresNothing(string field)
    {
        var email = field == "Email" ? new string('a', 10_000) + "@example.com" : UserStories.NewEmail();
        var name = field == "DisplayName" ? new string('n', 10_000) : "Name";

        var again = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, name, UserStories.Password);

        Assert.NotNull(again.FieldError(field));
        Assert.False(fixture.Redis.HasAccountFor(email));
    }

    [Fact]
    public async Task OversizedBodyIsRefusedWith413()
    {
        var browser = fixture.Site.NewBrowser();
        await browser.GetAsync("/signup");
        var body = new StringContent("Email=" + new string('a', 200_000), null, "application/x-www-form-urlencoded");

        var response = await browser.Client.PostAsync("/signup", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("413", (await Browser.ParseAsync(response)).QuerySelector("#status-page")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task OversizedChunkedBodyOnARealServerIsRefusedWithoutA500()
    {
        // Without a declared length only Kestrel's own limit applies, so this runs on a real Kestrel socket.
        await using var site = new SiteFactory(fixture.Redis);
        site.UseKestrel(0);
        site.StartServer();
        var client = site.CreateClient();
        await client.GetAsync("/signup");
        var body = new StreamContent(new MemoryStream(System.Text.Encoding.ASCII.GetBytes("Email=" + new string('a', 200_000))));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        var request = new HttpRequestMessage(HttpMethod.Post, "/signup") { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("Email", "evil\r\n@example.com")]
    [InlineData("DisplayName", "Line\r\nBreak")]
    [InlineData("DisplayName", "Admin\u202Egnp.exe")]
    [InlineData("DisplayName", "Isolate\u2066x\u2069")]
    [InlineData("DisplayName", "a\u200fb")]
    [InlineData("DisplayName", "\u061cab")]
    [InlineData("DisplayName", "\u200eab")]
    [InlineData("DisplayName", "\ufeffab")]
    [InlineData("DisplayName", "\u200b\u200b")]
    [InlineData("Email", "x\u200b@example.com")]
    public async Task ControlAndBidiCharactersAreRefusedBesideTheirField(string field, string value)
    {
        var email = field == "Email" ? value : UserStories.NewEmail();
        var name = field == "DisplayName" ? value : "Name";

        var again = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(email, name, UserStories.Password);

        Assert.NotNull(again.FieldError(field));
        Assert.False(again.IsSignedIn);
    }

    [Theory]
    [InlineData("Email")]
    [InlineData("DisplayName")]
    public async Task NulInAFieldIsRefusedWith400AndStoresNothing(string field)
    {
        var email = field == "Email" ? $"nul\u0000{UserStories.NewEmail()}" : UserStories.NewEmail();
        var name = field == "DisplayName" ? "Nul\u0000Name" : "Name";

        var response = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).PostAsync(email, name, UserStories.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(fixture.Redis.HasAccountFor(email.Replace("\u0000", "")));
    }

    [Fact]
    public async Task InvalidUtf8InAFieldIsAnsweredWithoutA500()
    {
        var browser = fixture.Site.NewBrowser();
        var page = await SignUpPage.OpenAsync(browser);
        var token = page.Document.QuerySelector("#signup-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var bytes = "Email=x%40example.com&DisplayName="u8.ToArray()
            .Concat(new byte[] { 0xC3, 0x28, 0xFF, 0xFE })
            .Concat(System.Text.Encoding.ASCII.GetBytes($"&Password=long+enough+pw&ConfirmPassword=long+enough+pw&__RequestVerificationToken={Uri.EscapeDataString(token)}"))
            .ToArray();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var response = await browser.Client.PostAsync("/signup", content);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, response.StatusCode.ToString());
    }

    [Fact]
    public async Task MarkupInTheDisplayNameIsShownAsTextOnEveryPage()
    {
        const string name = "<script>alert('x')</script><b>bold</b>";
        var browser = fixture.Site.NewBrowser();
        var (profile, _) = await UserStories.SignUpAsync(browser, name);
        var home = await HomePage.OpenAsync(browser);

        Assert.Equal(name, profile.DisplayName);
        Assert.Equal(name, profile.SignedInName);
        Assert.Equal(name, home.SignedInName);
        foreach (var page in new[] { profile.Document, home.Document })
        {
            Assert.Empty(page.QuerySelectorAll("b"));
            Assert.All(page.QuerySelectorAll("script"), s => Assert.DoesNotContain("alert", s.TextContent));
        }
    }

    [Theory]
    [InlineData("sessionsite=")]
    [InlineData("sessionsite=%%%")]
    [InlineData("sessionsite=abc;def")]
    [InlineData("sessionsite=\"quoted\"")]
    [InlineData("sessionsite=0123456789abcdefABCDEw.@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@")]
    [InlineData("sessionsite=0123456789abcdefABCDEw.")]
    [InlineData("sessionsite=.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task HostileCookiesAreTreatedAsAnonymous(string cookieHeader)
    {
        var home = await SendWithCookieAsync("/", cookieHeader);
        var profile = await SendWithCookieAsync("/profile", cookieHeader);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
    }

    [Fact]
    public async Task HugeCookieIsTreatedAsAnonymous()
    {
        var profile = await SendWithCookieAsync("/profile", "sessionsite=" + new string('A', 8_000));

        Assert.Equal(HttpStatusCode.Redirect, profile.StatusCode);
    }

    [Fact]
    public async Task AntiforgeryTokenFromAnotherBrowserIsRejected()
    {
        var alice = fixture.Site.NewBrowser();
        var alicesForm = await alice.GetDocumentAsync("/signin");
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var mallory = fixture.Site.NewBrowser();
        await mallory.GetAsync("/signin");

        var response = await new SignInPage(mallory, alicesForm).PostAsync(email, UserStories.Password);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(mallory.SessionCookie);
    }

    [Fact]
    public async Task EmailsThatNormalizeAlikeAreOneAccount()
    {
        var local = Guid.NewGuid().ToString("N")[..8];
        var decomposed = $"A\u030ASA{local}@Example.com";
        var composed = $"\u00E5sa{local}@example.com";
        await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitAsync(decomposed, "Åsa", UserStories.Password);

        var again = await (await SignUpPage.OpenAsync(fixture.Site.NewBrowser())).SubmitExpectingErrorsAsync(composed, "Other", UserStories.Password);
        var signedIn = await UserStories.SignInAsync(fixture.Site.NewBrowser(), composed);

        Assert.Contains("already exists", again.FieldError("Email"));
        Assert.Equal("Åsa", signedIn.DisplayName);
    }

    private async Task<HttpResponseMessage> SendWithCookieAsync(string path, string cookieHeader)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Cookie", cookieHeader);
        return await fixture.Site.NewBrowser().Client.SendAsync(request);
    }
}
