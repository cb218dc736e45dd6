using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class SignUpPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public SignUpPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#signup-form");

    public static async Task<SignUpPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/signup"));

    public Task<HttpResponseMessage> PostAsync(string email, string displayName, string password, string? confirm = null) =>
        Browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Email"] = email, ["DisplayName"] = displayName, ["Password"] = password, ["ConfirmPassword"] = confirm ?? password,
        });

    public async Task<ProfilePage> SubmitAsync(string email, string displayName, string password) =>
        new(Browser, await Browser.FollowRedirectAsync(await PostAsync(email, displayName, password), "/profile"));

    public async Task<SignUpPage> SubmitExpectingErrorsAsync(string email, string displayName, string password, string? confirm = null)
    {
        var response = await PostAsync(email, displayName, password, confirm);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new SignUpPage(Browser, await Browser.ParseAsync(response));
    }
}
