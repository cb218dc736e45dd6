using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class ChangePasswordPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public ChangePasswordPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#password-form");

    public static async Task<ChangePasswordPage> OpenAsync(Browser browser) =>
        new(browser, await browser.GetDocumentAsync("/account/password"));

    public Task<HttpResponseMessage> PostAsync(string current, string next, string? confirm = null) =>
        Browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmNewPassword"] = confirm ?? next,
        });

    public async Task<ProfilePage> SubmitAsync(string current, string next) =>
        new(Browser, await Browser.FollowRedirectAsync(await PostAsync(current, next), "/profile"));

    public async Task<ChangePasswordPage> SubmitExpectingErrorsAsync(string current, string next, string? confirm = null)
    {
        var response = await PostAsync(current, next, confirm);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new ChangePasswordPage(Browser, await Browser.ParseAsync(response));
    }
}
