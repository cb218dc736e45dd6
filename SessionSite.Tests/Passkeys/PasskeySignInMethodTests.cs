using System.Net;
using System.Text.Json;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests.Passkeys;

/// <summary>
/// How a session was signed in: /sessions marks a passkey in either step (.session-passkey) and two factors
/// (.session-two-step); the activity's signed-in row names the method (data-method and its words).
/// </summary>
public sealed class PasskeySignInMethodTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private static async Task<AngleSharp.Dom.IElement> CurrentSessionRowAsync(Browser browser) =>
        (await SessionsPage.OpenAsync(browser)).Document.QuerySelector("tr.session-current")!;

    /// <summary>The newest signed-in row of the activity: its data-method and its text.</summary>
    private static async Task<(string? Method, string Text)> LastSignInAsync(Browser browser)
    {
        var row = (await ActivityPage.OpenAsync(browser)).Document.QuerySelector(".activity-row[data-event=signed-in]");
        Assert.NotNull(row);
        return (row.GetAttribute("data-method"), row.TextContent);
    }

    private async Task<(Browser Browser, string Email, string Secret)> TwoStepWithPasskeyAsync(SoftwareAuthenticator authenticator)
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        await PasskeyStories.AddAsync(browser, authenticator);
        var (secret, _) = await (await TwoStepEnrolPage.OpenAsync(browser)).TurnOnAsync(fixture.Clock.GetUtcNow());
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        return (browser, email, secret);
    }

    private async Task<Browser> HalfWayAsync(string email)
    {
        var browser = NewBrowser();
        var response = await (await SignInPage.OpenAsync(browser)).PostAsync(email, UserStories.Password);
        Assert.StartsWith("/signin/two-step", response.Headers.Location?.OriginalString);
        return browser;
    }

    [Fact]
    public async Task APasskeySignInIsMarkedPasskeyNotTwoStepAndTheActivitySaysPasskey()
    {
        var owner = NewBrowser();
        await UserStories.SignUpAsync(owner);
        using var authenticator = new SoftwareAuthenticator();
        await PasskeyStories.AddAsync(owner, authenticator);
        var browser = NewBrowser();
        await browser.FollowRedirectAsync(await PasskeyStories.SignInAsync(browser, authenticator), "/profile");

        var row = await CurrentSessionRowAsync(browser);

        Assert.NotNull(row.QuerySelector(".session-passkey"));
        Assert.Null(row.QuerySelector(".session-two-step"));
        var (method, text) = await LastSignInAsync(browser);
        Assert.Equal("passkey", method);
        Assert.Contains("with passkey", text);
    }

    [Fact]
    public async Task APasskeyAsTheSecondStepIsMarkedPasskeyAndTwoStepAndTheActivitySaysPasswordAndPasskey()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (_, email, _) = await TwoStepWithPasskeyAsync(authenticator);
        var browser = await HalfWayAsync(email);
        var form = await PasskeyStepForm.TwoStepAsync(browser);
        var options = await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(authenticator.Assert(options, PasskeyStories.Origin))).StatusCode);

        var row = await CurrentSessionRowAsync(browser);

        Assert.NotNull(row.QuerySelector(".session-passkey"));
        Assert.NotNull(row.QuerySelector(".session-two-step"));
        var (method, text) = await LastSignInAsync(browser);
        Assert.Equal("password+passkey", method);
        Assert.Contains("with password + passkey", text);
    }

    [Fact]
    public async Task APasswordAndAuthenticatorCodeIsMarkedTwoStepOnlyAndTheActivitySaysSo()
    {
        using var authenticator = new SoftwareAuthenticator();
        var (_, email, secret) = await TwoStepWithPasskeyAsync(authenticator);
        var browser = await HalfWayAsync(email);
        await (await TwoStepSignInPage.OpenAsync(browser)).PostCodeAsync(TwoStepEnrolPage.CodeFor(secret, fixture.Clock.GetUtcNow()));

        var row = await CurrentSessionRowAsync(browser);

        Assert.Null(row.QuerySelector(".session-passkey"));
        Assert.NotNull(row.QuerySelector(".session-two-step"));
        Assert.Equal("password+authenticator", (await LastSignInAsync(browser)).Method);
    }

    [Fact]
    public async Task APasswordSignInHasNeitherMarkAndTheActivitySaysPassword()
    {
        var owner = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(owner);
        var browser = NewBrowser();
        await UserStories.SignInAsync(browser, email);

        var row = await CurrentSessionRowAsync(browser);

        Assert.Null(row.QuerySelector(".session-passkey"));
        Assert.Null(row.QuerySelector(".session-two-step"));
        var (method, text) = await LastSignInAsync(browser);
        Assert.Equal("password", method);
        Assert.Contains("with password", text);
    }

    [Fact]
    public async Task TheDataDownloadListsPasskeysByNameAndDatesWithoutKeyMaterial()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var userId = RedisInspection.UserIdOf(browser.SessionCookie!);
        using var authenticator = new SoftwareAuthenticator();
        await (await PasskeyStories.AddAsync(browser, authenticator)).PostAsync("Work laptop");
        await PasskeyStories.SignInAsync(NewBrowser(), authenticator);
        var stored = fixture.Redis.Database.HashGet(RedisKeys.Passkeys(userId), authenticator.CredentialIdText).ToString();
        var publicKey = JsonDocument.Parse(stored).RootElement.GetProperty("pk").GetString()!;

        var response = await (await YourDataPage.OpenAsync(browser)).DownloadDataAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync();
        using var data = JsonDocument.Parse(json);
        var passkey = Assert.Single(data.RootElement.GetProperty("passkeys").EnumerateArray());
        Assert.Equal("Work laptop", passkey.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, passkey.GetProperty("added").ValueKind);
        Assert.Equal(JsonValueKind.String, passkey.GetProperty("lastUsed").ValueKind);
        Assert.False(passkey.GetProperty("synced").GetBoolean());
        Assert.DoesNotContain(authenticator.CredentialIdText, json);
        Assert.DoesNotContain(publicKey, json);
        Assert.DoesNotContain(publicKey[..20], json);
        Assert.Equal(email, data.RootElement.GetProperty("account").GetProperty("email").GetString());
    }
}
