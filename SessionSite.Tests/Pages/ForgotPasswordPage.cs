using System.Net;
using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class ForgotPasswordPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public ForgotPasswordPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#forgot-form");

    public static async Task<ForgotPasswordPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/password/forgot"));

    public Task<HttpResponseMessage> PostAsync(string email) => Browser.SubmitAsync(form, new Dictionary<string, string> { ["Email"] = email });

    /// <summary>Asks for a link and returns the text of the answer, which must be the "sent" page whatever the address.</summary>
    public async Task<string> AskForLinkAsync(string email)
    {
        var response = await PostAsync(email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Required<AngleSharp.Dom.IElement>(await Browser.ParseAsync(response), "#forgot-sent").TextContent.Trim();
    }
}
