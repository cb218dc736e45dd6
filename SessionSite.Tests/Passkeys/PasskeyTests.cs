using System.Net;
using SessionSite.Redis;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests.Passkeys;

/// <summary>
/// Passkeys over HTTP with a software authenticator: the page and its ids, adding and naming, signing in with no
/// password, removing, the notices and activity, the guard, and the Redis keys each step leaves.
/// </summary>
public sealed class PasskeyTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string AddedSubject = "The passkeys of your SessionSite account changed";

    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private Browser NewBrowser() => fixture.Site.NewBrowser().ComingFrom(NewIp());

    private async Task<(Browser Browser, string Email, string UserId)> SignedUpAsync()
    {
        var browser = NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        return (browser, email, RedisInspection.UserIdOf(browser.SessionCookie!));
    }

    [Fact]
    public async Task APasskeyAddedAndNamedIsListedByItsCredentialId()
    {
        var (browser, _, _) = await SignedUpAsync();
        using var authenticator = new SoftwareAuthenticator();

        var naming = await PasskeyStories.AddAsync(browser, authenticator);
        Assert.False(string.IsNullOrWhiteSpace(naming.DefaultName));
        var named = await naming.PostAsync("My laptop");

        var page = new PasskeysPage(browser, await browser.FollowRedirectAsync(named, PasskeysPage.Path));
        Assert.Equal([(authenticator.CredentialIdText, "My laptop")], page.Rows);
    }

    [Fact]
    public async Task ANewPasskeyIsNamedAfterAKnownAuthenticatorModelElseAfterTheDevice()
    {
        var known = NewBrowser();
        await UserStories.SignUpAsync(known);
        using var googlePasswordManager = new SoftwareAuthenticator { Aaguid = Guid.Parse("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4") };
        var unknown = NewBrowser();
        await UserStories.SignUpAsync(unknown);
        using var zeros = new SoftwareAuthenticator();

        Assert.Equal("Google Password Manager", (await PasskeyStories.AddAsync(known, googlePasswordManager)).DefaultName);
        var byDevice = (await PasskeyStories.AddAsync(unknown, zeros)).DefaultName;
        Assert.NotEqual("", byDevice);
        Assert.NotEqual("Google Password Manager", byDevice);
    }

    [Fact]
    public async Task TheAccountPageLinksToThePasskeysPage()
    {
        var (browser, _, _) = await SignedUpAsync();
        var account = await browser.GetDocumentAsync("/account");
        Assert.Equal(PasskeysPage.Path, account.QuerySelector("#account-passkeys-link")?.GetAttribute("href"));
    }

    [Fact]
    public async Task APasskeySignsInANewBrowserWithNoPasswordAndRemembersItWhenAsked()
    {
        var (browser, email, _) = await SignedUpAsync();
        using var authenticator = new SoftwareAuthenticator();
        await PasskeyStories.AddAsync(browser, authenticator);

        var other = NewBrowser();
        var response = await PasskeyStories.SignInAsync(other, authenticator, rememberMe: true);

        var profile = new ProfilePage(other, await other.FollowRedirectAsync(response, "/profile"));
        Assert.True(profile.IsSignedIn);
        Assert.NotNull(other.SessionCookieDetails);
        Assert.NotEqual(DateTime.MinValue, other.SessionCookieDetails!.Expires);
        Assert.Contains("signed-in", (await ActivityPage.OpenAsync(other)).Events);
        Assert.Equal(email, profile.Document.QuerySelector("#profile-email")?.TextContent.Trim());
    }

    [Fact]
    public async Task AddingAndRemovingMailNoticesWithTheWasntMeLinkShowInTheActivityAndMoveTheStamp()
    {
        var (browser, email, userId) = await SignedUpAsync();
        await UserStories.SignInAsync(NewBrowser(), email); // another session, to be offered for signing out
        using var authenticator = new SoftwareAuthenticator();
        var stampBefore = (long?)fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "stamp") ?? 0;

        var naming = await PasskeyStories.AddAsync(browser, authenticator);

        Assert.True(naming.OffersToSignOutOthers);
        var stampAfterAdd = (long)fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "stamp");
        Assert.True(stampAfterAdd > stampBefore);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Any(m => m.Subject == AddedSubject), "the notice of the added passkey");
        Assert.Equal("/account/recover", SmtpCatcher.LinkIn(fixture.Smtp.To(email).First(m => m.Subject == AddedSubject), "/account/recover").AbsolutePath);

        var confirm = await browser.GetDocumentAsync($"{PasskeysPage.Path}/remove?id={authenticator.CredentialIdText}");
        var form = Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(confirm.QuerySelector("#confirm-remove-passkey-form"));
        var removed = await browser.SubmitAsync(form);

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        var removedPage = await Browser.ParseAsync(removed);
        Assert.NotNull(removedPage.QuerySelector("#passkey-removed"));
        Assert.NotNull(removedPage.QuerySelector("#after-change-revoke-others"));
        Assert.True((long)fixture.Redis.Database.HashGet(RedisKeys.Account(userId), "stamp") > stampAfterAdd);
        await Poll.UntilAsync(() => fixture.Smtp.To(email).Count(m => m.Subject == AddedSubject) == 2, "the removal notice");
        var events = (await ActivityPage.OpenAsync(browser)).Events;
        Assert.Contains("passkey-added", events);
        Assert.Contains("passkey-removed", events);
        Assert.Empty((await PasskeysPage.OpenAsync(browser)).Rows);
    }

    [Fact]
    public async Task TheListLinksEachRowToItsGuardedRemovePage()
    {
        var (browser, _, _) = await SignedUpAsync();
        using var authenticator = new SoftwareAuthenticator();
        await PasskeyStories.AddAsync(browser, authenticator);

        var page = await PasskeysPage.OpenAsync(browser);
        var remove = page.Document.QuerySelector($"tr.passkey-row[data-passkey-id='{authenticator.CredentialIdText}'] .passkey-remove");

        Assert.Equal($"{PasskeysPage.Path}/remove?id={authenticator.CredentialIdText}", remove?.GetAttribute("href"));
    }

    [Fact]
    public async Task ARemovedPasskeyNoLongerSignsIn()
    {
        var (browser, _, _) = await SignedUpAsync();
        using var authenticator = new SoftwareAuthenticator();
        await PasskeyStories.AddAsync(browser, authenticator);
        var confirm = await browser.GetDocumentAsync($"{PasskeysPage.Path}/remove?id={authenticator.CredentialIdText}");
        await browser.SubmitAsync(Assert.IsAssignableFrom<AngleSharp.Html.Dom.IHtmlFormElement>(confirm.QuerySelector("#confirm-remove-passkey-form")));

        var other = NewBrowser();
        var response = await PasskeyStories.SignInAsync(other, authenticator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not accepted", (await Browser.ParseAsync(response)).QuerySelector("#signin-errors")?.TextContent);
        Assert.Null(other.SessionCookie);
        Assert.Empty(fixture.Redis.Keys(RedisKeys.PasskeyLookup(authenticator.CredentialIdText)));
    }

    [Fact]
    public async Task AddingIsBehindConfirmItsYouOnceTheWindowHasPassed()
    {
        var (browser, _, _) = await SignedUpAsync();
        var page = await PasskeysPage.OpenAsync(browser);

        fixture.Clock.Advance(TimeSpan.FromMinutes(16));
        var response = await page.RequestOptionsAsync();

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/confirm?returnUrl=%2Faccount%2Fpasskeys", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ThePageNeedsASignIn()
    {
        var response = await NewBrowser().GetAsync(PasskeysPage.Path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/signin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheRegistrationStateLivesFiveMinutesAndIsReadOnce()
    {
        var (browser, _, userId) = await SignedUpAsync();
        using var authenticator = new SoftwareAuthenticator();
        var page = await PasskeysPage.OpenAsync(browser);
        var options = await PasskeyStories.OptionsJsonAsync(await page.RequestOptionsAsync());

        var ttl = fixture.Redis.TimeToLive(RedisKeys.PasskeyRegistration(userId));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        var credential = authenticator.Register(options, PasskeyStories.Origin);
        Assert.Equal(HttpStatusCode.OK, (await page.PostCredentialAsync(credential)).StatusCode);
        Assert.False(fixture.Redis.Database.KeyExists(RedisKeys.PasskeyRegistration(userId)));

        var again = await (await PasskeysPage.OpenAsync(browser)).PostCredentialAsync(credential);

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single((await PasskeysPage.OpenAsync(browser)).Rows);
    }

    [Fact]
    public async Task TheLookupKeyIsPermanentAndNamesTheAccount()
    {
        var (browser, _, userId) = await SignedUpAsync();
        using var authenticator = new SoftwareAuthenticator();
        await PasskeyStories.AddAsync(browser, authenticator);

        var lookup = RedisKeys.PasskeyLookup(authenticator.CredentialIdText);
        Assert.Equal(userId, fixture.Redis.Database.StringGet(lookup).ToString());
        Assert.Null(fixture.Redis.TimeToLive(lookup));
        Assert.True(fixture.Redis.Database.HashExists(RedisKeys.Passkeys(userId), authenticator.CredentialIdText));
    }

    [Fact]
    public async Task AnAnonymousSignInPageAndItsChallengeWriteNothingToRedis()
    {
        var before = fixture.Redis.Keys("*").ToHashSet();
        var browser = NewBrowser();

        var form = await PasskeySignInForm.OpenAsync(browser);
        await PasskeyStories.OptionsJsonAsync(await form.RequestOptionsAsync());

        var written = fixture.Redis.Keys("*").Where(k => !before.Contains(k)).ToList();
        Assert.Empty(written);
    }

    [Fact]
    public async Task TheSignInPageMarksTheEmailFieldForPasskeyAutofillAndKeepsThePasswordFormFirst()
    {
        var page = await NewBrowser().GetDocumentAsync("/signin");

        Assert.Equal("username webauthn", page.QuerySelector("#Email")?.GetAttribute("autocomplete"));
        Assert.Equal("signin-form", page.QuerySelector("form[method=post]")?.Id);
        Assert.NotNull(page.QuerySelector("#signin-form ~ #passkey-signin-form #passkey-signin"));
        Assert.Contains(page.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.StartsWith("/js/passkeys.js", StringComparison.Ordinal));
        Assert.Empty(page.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task WithoutJavaScriptThePasskeyButtonSaysSo()
    {
        var browser = NewBrowser();
        var form = await PasskeySignInForm.OpenAsync(browser);

        var response = await form.PostAsync("");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("needs JavaScript", (await Browser.ParseAsync(response)).QuerySelector("#signin-errors")?.TextContent);
    }

    [Fact]
    public async Task DeletingTheAccountLeavesNoPasskeyKey()
    {
        var (browser, email, userId) = await SignedUpAsync();
        using var authenticator = new SoftwareAuthenticator();
        await PasskeyStories.AddAsync(browser, authenticator);

        var response = await (await DeleteAccountPage.OpenAsync(browser)).PostAsync(email);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(fixture.Redis.Keys($"*{userId}*"));
        Assert.Empty(fixture.Redis.Keys(RedisKeys.PasskeyLookup(authenticator.CredentialIdText)));
        Assert.Null(browser.SessionCookie);
        var signIn = await PasskeyStories.SignInAsync(NewBrowser(), authenticator);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }
}
