using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>"This wasn't me": the confirmation page a notice's link opens, and its one button.</summary>
public sealed class RecoverPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public RecoverPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#recover-form");

    /// <summary>Opens the mailed link as a browser would: only its path and query, against this site.</summary>
    public static async Task<RecoverPage> OpenAsync(Browser browser, Uri link) => new(browser, await browser.GetDocumentAsync(link.PathAndQuery));

    public Task<HttpResponseMessage> PostAsync() => Browser.SubmitAsync(form);

    /// <summary>Presses "Secure my account" and expects the page saying it is done.</summary>
    public async Task SecureAsync()
    {
        var response = await PostAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#recover-done"));
    }
}
