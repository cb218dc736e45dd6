using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>The #passkey-signin-form on /signin, driven as passkeys.js drives it.</summary>
public sealed class PasskeySignInForm
{
    private readonly Browser browser;
    private readonly IHtmlFormElement form;

    public PasskeySignInForm(Browser browser, IHtmlDocument document)
    {
        this.browser = browser;
        form = Assert.IsAssignableFrom<IHtmlFormElement>(document.QuerySelector("#passkey-signin-form"));
        Assert.NotNull(form.QuerySelector("#passkey-signin"));
    }

    public static async Task<PasskeySignInForm> OpenAsync(Browser browser, string path = "/signin") =>
        new(browser, await browser.GetDocumentAsync(path));

    public Task<HttpResponseMessage> RequestOptionsAsync()
    {
        form.Action = form.GetAttribute("data-options")!;
        return browser.SubmitAsync(form);
    }

    public Task<HttpResponseMessage> PostAsync(string credentialJson, bool rememberMe = false)
    {
        form.Action = "/signin/passkey";
        return browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["CredentialJson"] = credentialJson, ["RememberMe"] = rememberMe ? "true" : "false",
        });
    }
}
