using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class ResetPasswordPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public ResetPasswordPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#reset-form");

    /// <summary>Opens the mailed link as a browser would: only its path and query, against this site.</summary>
    public static async Task<ResetPasswordPage> OpenAsync(Browser browser, Uri link) => new(browser, await browser.GetDocumentAsync(link.PathAndQuery));

    public Task<HttpResponseMessage> PostAsync(string next, string? confirm = null) =>
        Browser.SubmitAsync(form, new Dictionary<string, string> { ["NewPassword"] = next, ["ConfirmNewPassword"] = confirm ?? next });

    public async Task<SignInPage> SubmitAsync(string next) =>
        new(Browser, await Browser.FollowRedirectAsync(await PostAsync(next), "/signin"));
}
