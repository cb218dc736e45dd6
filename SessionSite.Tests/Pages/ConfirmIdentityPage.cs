using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>"Confirm it's you": the password, and a code when two-step sign-in is on.</summary>
public sealed class ConfirmIdentityPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public ConfirmIdentityPage(Browser browser, IHtmlDocument document) : base(browser, document)
    {
        form = Required<IHtmlFormElement>(document, "#confirm-identity-form");
        Required<IHtmlInputElement>(document, "#CurrentPassword");
        Required<IHtmlButtonElement>(document, "#confirm-submit");
    }

    public static async Task<ConfirmIdentityPage> OpenAsync(Browser browser, string returnUrl) =>
        new(browser, await browser.GetDocumentAsync($"/account/confirm?returnUrl={Uri.EscapeDataString(returnUrl)}"));

    public bool AsksForCode => Document.QuerySelector("#Code") is not null;

    /// <summary>Whether the field is marked invalid for screen readers (and for site.js's focus on the first one).</summary>
    public bool MarkedInvalid(string field) => Document.QuerySelector($"#{field}")?.GetAttribute("aria-invalid") == "true";

    public string Notice => Required<AngleSharp.Dom.IElement>(Document, "#step-up-notice").TextContent;

    public Task<HttpResponseMessage> PostAsync(string password, string? code = null) =>
        Browser.SubmitAsync(form, code is null
            ? new Dictionary<string, string> { ["CurrentPassword"] = password }
            : new Dictionary<string, string> { ["CurrentPassword"] = password, ["Code"] = code });

    public async Task<ConfirmIdentityPage> RefusedAsync(string password, string? code = null)
    {
        var response = await PostAsync(password, code);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new ConfirmIdentityPage(Browser, await Browser.ParseAsync(response));
    }
}
