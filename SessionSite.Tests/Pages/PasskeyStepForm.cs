using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>
/// A passkey form driven as passkeys.js drives it: the second step's (#two-step-passkey-form on /signin/two-step)
/// or "confirm it's you"'s (#confirm-passkey-form on /account/confirm). First its options, then the answer.
/// </summary>
public sealed class PasskeyStepForm
{
    private readonly Browser browser;
    private readonly IHtmlFormElement form;
    private readonly string action;

    public PasskeyStepForm(Browser browser, IHtmlDocument document, string buttonId)
    {
        this.browser = browser;
        Document = document;
        form = Assert.IsAssignableFrom<IHtmlFormElement>(document.QuerySelector($"#{buttonId}-form"));
        Assert.NotNull(form.QuerySelector($"button#{buttonId}"));
        Assert.NotNull(form.GetAttribute("data-passkey-get"));
        action = form.GetAttribute("action")!;
    }

    public IHtmlDocument Document { get; }

    public static async Task<PasskeyStepForm> TwoStepAsync(Browser browser, string path = "/signin/two-step") =>
        new(browser, await browser.GetDocumentAsync(path), "two-step-passkey");

    public static async Task<PasskeyStepForm> ConfirmAsync(Browser browser, string returnUrl) =>
        new(browser, await browser.GetDocumentAsync($"/account/confirm?returnUrl={Uri.EscapeDataString(returnUrl)}"), "confirm-passkey");

    public Task<HttpResponseMessage> RequestOptionsAsync()
    {
        form.Action = form.GetAttribute("data-options")!;
        return browser.SubmitAsync(form);
    }

    public Task<HttpResponseMessage> PostAsync(string credentialJson)
    {
        form.Action = action;
        return browser.SubmitAsync(form, new Dictionary<string, string> { ["CredentialJson"] = credentialJson });
    }
}
