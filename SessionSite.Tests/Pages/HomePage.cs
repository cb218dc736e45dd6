using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class HomePage : HtmlPage
{
    public HomePage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        Required<IHtmlElement>(document, "#home");

    public static async Task<HomePage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/"));
}
