using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class SignInPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public SignInPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#signin-form");

    public static async Task<SignInPage> OpenAsync(Browser browser, string path = "/signin") =>
        new(browser, await browser.GetDocumentAsync(path));

    public string? Error => FormError("signin-errors");

    public Task<HttpResponseMessage> PostAsync(string email, string password, bool rememberMe = false) =>
        Browser.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["RememberMe"] = rememberMe ? "true" : "false",
        });

    public async Task<ProfilePage> SubmitAsync(string email, string password, bool rememberMe = false) =>
        new(Browser, await Browser.FollowRedirectAsync(await PostAsync(email, password, rememberMe), "/profile"));

    public async Task<SignInPage> SubmitExpectingErrorsAsync(string email, string password)
    {
        var response = await PostAsync(email, password);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return new SignInPage(Browser, await Browser.ParseAsync(response));
    }
}
