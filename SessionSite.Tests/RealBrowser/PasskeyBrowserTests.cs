using System.Buffers.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SessionSite.Tests.Pages;
using SessionSite.Tests.RealBrowser.Screens;
using static Microsoft.Playwright.Assertions;

namespace SessionSite.Tests.RealBrowser;

/// <summary>
/// Passkeys in headless Chromium with a CDP virtual authenticator (ctap2, internal, resident keys, user verified,
/// presence simulated), the site browsed at http://localhost:PORT with Site:PublicBaseUrl exactly that.
/// </summary>
public sealed class PasskeyBrowserTests(LocalhostBrowserSiteFixture fixture) : IClassFixture<LocalhostBrowserSiteFixture>
{
    private const string Password = "a browser-tested passphrase";

    /// <summary>Before any page script: records each navigator.credentials.get call (its mediation and signal) and says conditional mediation is available.</summary>
    private const string CredentialCallRecorder = """
        window.__passkeyCalls = [];
        const realGet = navigator.credentials.get.bind(navigator.credentials);
        navigator.credentials.get = function (options) {
            window.__passkeyCalls.push({ mediation: options.mediation || null, signal: options.signal || null });
            return realGet(options);
        };
        if (window.PublicKeyCredential) PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(true);
        """;

    private static string NewEmail() => $"passkey-{Guid.NewGuid():N}@example.com";

    /// <summary>A virtual authenticator for this page, as a phone or laptop with a screen lock would be.</summary>
    private static async Task<(ICDPSession Cdp, string AuthenticatorId)> AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var added = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        return (cdp, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>The credential ids the virtual authenticator holds, base64url as the page's data-passkey-id.</summary>
    private static async Task<IReadOnlyList<string>> CredentialIdsAsync(ICDPSession cdp, string authenticatorId)
    {
        var result = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        return result!.Value.GetProperty("credentials").EnumerateArray()
            .Select(c => Base64Url.EncodeToString(Convert.FromBase64String(c.GetProperty("credentialId").GetString()!)))
            .ToList();
    }

    private static async Task ExpectNoSeriousViolationsAsync(IPage page) => Assert.Empty(await Accessibility.SeriousViolationsAsync(page));

    private static Task<string?> SessionCookieAsync(IBrowserContext context) =>
        context.CookiesAsync().ContinueWith(t => t.Result.FirstOrDefault(c => c.Name == "sessionsite")?.Value);

    [Fact]
    public async Task AddNameSignInWithoutAPasswordUseAsSecondStepAndToConfirmThenRemove()
    {
        await using var context = await fixture.NewContextAsync();
        // Chromium's virtual authenticator answers the autofill (conditional) request by itself, presence simulated,
        // which would sign in before any click: here the buttons are what is tested, so autofill is reported absent.
        await context.AddInitScriptAsync("if (window.PublicKeyCredential) PublicKeyCredential.isConditionalMediationAvailable = () => Promise.resolve(false);");
        var page = await context.NewPageAsync();
        var watch = new PageWatch(page);
        var (cdp, authenticator) = await AddVirtualAuthenticatorAsync(page);
        var email = NewEmail();
        await (await SignUpScreen.OpenAsync(page)).SignUpAsync(email, "Passkey Person", Password);

        // Add and name it.
        await page.GotoAsync(PasskeysPage.Path);
        await page.Locator("#add-passkey").ClickAsync();
        await Expect(page.Locator("#passkey-added")).ToBeVisibleAsync();
        await page.Locator("#PasskeyName").FillAsync("Virtual laptop");
        await page.Locator("#passkey-name-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/passkeys$"));
        var row = page.Locator("tr.passkey-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator(".passkey-name")).ToHaveTextAsync("Virtual laptop");
        var id = Assert.Single(await CredentialIdsAsync(cdp, authenticator));
        Assert.Equal(id, await row.GetAttributeAsync("data-passkey-id"));
        await ExpectNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "passkeys");
        await page.SetViewportSizeAsync(390, 844);
        await ExpectNoSeriousViolationsAsync(page);
        await Screenshots.TakeAsync(page, "passkeys");
        await page.SetViewportSizeAsync(1280, 800);

        // Sign out; sign in with it, no password typed.
        await new ProfileScreen(page).SignOutAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#passkey-signin").ClickAsync();
        var profile = await ProfileScreen.ExpectAsync(page);
        await Expect(profile.Email).ToHaveTextAsync(email);
        await page.GotoAsync("/sessions");
        await Expect(page.Locator("tr.session-current .session-passkey")).ToHaveCountAsync(1);

        // Turn two-step sign-in on, then use the passkey as the second step after the password.
        await page.GotoAsync("/account/two-step");
        var secret = (await page.Locator("#totp-secret").TextContentAsync())!.Trim();
        await page.Locator("#Code").FillAsync(TwoStepEnrolPage.CodeFor(secret, DateTimeOffset.UtcNow));
        await page.Locator("#two-step-submit").ClickAsync();
        await Expect(page.Locator("#recovery-codes")).ToBeVisibleAsync();
        await new ProfileScreen(page).SignOutAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Password);
        await page.Locator("#signin-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin/two-step"));
        await ExpectNoSeriousViolationsAsync(page);
        await page.Locator("#two-step-passkey").ClickAsync();
        await ProfileScreen.ExpectAsync(page);
        await page.GotoAsync("/sessions");
        await Expect(page.Locator("tr.session-current .session-passkey")).ToHaveCountAsync(1);
        await Expect(page.Locator("tr.session-current .session-two-step")).ToHaveCountAsync(1);

        // Confirm it's you with it.
        await page.GotoAsync("/account/confirm?returnUrl=%2Faccount%2Fpasskeys");
        await ExpectNoSeriousViolationsAsync(page);
        await page.Locator("#confirm-passkey").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/passkeys$"));

        // Remove it: the authenticator still offers it, and the site refuses it.
        await page.Locator($"tr.passkey-row[data-passkey-id='{id}'] .passkey-remove").ClickAsync();
        await page.Locator("#confirm-remove-passkey").ClickAsync();
        await Expect(page.Locator("#passkey-removed")).ToBeVisibleAsync();
        await new ProfileScreen(page).SignOutAsync();
        await page.GotoAsync("/signin");
        await page.Locator("#passkey-signin").ClickAsync();
        await Expect(page.Locator("#signin-errors")).ToContainTextAsync("not accepted");
        Assert.Null(await SessionCookieAsync(context));
        Assert.Empty(watch.Problems);
    }

    [Fact]
    public async Task WithAPasskeyOnTheDeviceTheAutofillRequestSignsInWithoutAClick()
    {
        await using var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync(CredentialCallRecorder);
        var page = await context.NewPageAsync();
        await AddVirtualAuthenticatorAsync(page);
        var email = NewEmail();
        await (await SignUpScreen.OpenAsync(page)).SignUpAsync(email, "Autofill Person", Password);
        await page.GotoAsync(PasskeysPage.Path);
        await page.Locator("#add-passkey").ClickAsync();
        await Expect(page.Locator("#passkey-added")).ToBeVisibleAsync();
        await new ProfileScreen(page).SignOutAsync();

        await page.GotoAsync("/signin");

        var profile = await ProfileScreen.ExpectAsync(page);
        await Expect(profile.Email).ToHaveTextAsync(email);
    }

    [Fact]
    public async Task ABrowserWithoutTheCredentialIsNotSignedInAndTheButtonAbortsTheAutofillRequest()
    {
        await using var context = await fixture.NewContextAsync();
        await context.AddInitScriptAsync(CredentialCallRecorder);
        var page = await context.NewPageAsync();
        await AddVirtualAuthenticatorAsync(page);

        await page.GotoAsync("/signin");

        // Autofill: the email field is marked for passkeys, and passkeys.js has a conditional request waiting.
        await Expect(page.Locator("#Email")).ToHaveAttributeAsync("autocomplete", "username webauthn");
        await page.WaitForFunctionAsync("() => window.__passkeyCalls.some(c => c.mediation === 'conditional')");
        await page.Locator("#passkey-signin").ClickAsync();
        await Expect(page.Locator("#passkey-signin-form .passkey-status")).ToContainTextAsync("cancelled or timed out", new() { Timeout = 30_000 });
        Assert.True(await page.EvaluateAsync<bool>(
            "() => window.__passkeyCalls.length === 2 && window.__passkeyCalls[0].signal.aborted && window.__passkeyCalls[1].mediation === null"));
        Assert.Null(await SessionCookieAsync(context));
    }
}
