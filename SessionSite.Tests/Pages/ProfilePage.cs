using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class ProfilePage : HtmlPage
{
    public ProfilePage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        Required<IHtmlElement>(document, "#profile");

    public static async Task<ProfilePage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/profile"));

    public string Email => Text("#profile-email");

    public string DisplayName => Text("#profile-display-name");

    public string MemberSince => Text("#profile-member-since");

    public bool EmailVerified => Required<AngleSharp.Dom.IElement>(Document, "#profile-email-status").GetAttribute("data-verified") == "true";

    public bool OffersToResendTheLink => Document.QuerySelector("#resend-verification-form") is not null;

    public async Task<ProfilePage> ResendVerificationAsync()
    {
        var response = await Browser.SubmitAsync(Required<IHtmlFormElement>(Document, "#resend-verification-form"));
        return new ProfilePage(Browser, await Browser.FollowRedirectAsync(response, "/profile"));
    }

    private string Text(string selector) => Required<IHtmlElement>(Document, selector).TextContent.Trim();
}
