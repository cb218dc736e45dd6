using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class ChangeEmailPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public ChangeEmailPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#email-form");

    public static async Task<ChangeEmailPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account/email"));

    public Task<HttpResponseMessage> PostAsync(string newEmail) =>
        Browser.SubmitAsync(form, new Dictionary<string, string> { ["NewEmail"] = newEmail });

    public async Task<ProfilePage> SubmitAsync(string newEmail) =>
        new(Browser, await Browser.FollowRedirectAsync(await PostAsync(newEmail), "/profile"));
}
