using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests.Passkeys;

/// <summary>Passkey flows over HTTP with the <see cref="SoftwareAuthenticator"/> in the browser's place.</summary>
public static class PasskeyStories
{
    /// <summary>The test site's <c>Site:PublicBaseUrl</c>: the origin a browser on it would report.</summary>
    public const string Origin = "http://localhost";

    public static async Task<string> OptionsJsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Adds the authenticator's passkey on /account/passkeys and lands on the naming step.</summary>
    public static async Task<PasskeyNamePage> AddAsync(Browser browser, SoftwareAuthenticator authenticator)
    {
        var page = await PasskeysPage.OpenAsync(browser);
        var options = await OptionsJsonAsync(await page.RequestOptionsAsync());
        var added = await page.PostCredentialAsync(authenticator.Register(options, Origin));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        return new PasskeyNamePage(browser, await Browser.ParseAsync(added));
    }

    /// <summary>Asks /signin for a challenge and answers it; <paramref name="answer"/> may answer as no honest browser would.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(
        Browser browser, SoftwareAuthenticator authenticator, bool rememberMe = false, Func<string, string>? answer = null)
    {
        var form = await PasskeySignInForm.OpenAsync(browser);
        var options = await OptionsJsonAsync(await form.RequestOptionsAsync());
        return await form.PostAsync(answer?.Invoke(options) ?? authenticator.Assert(options, Origin), rememberMe);
    }
}
