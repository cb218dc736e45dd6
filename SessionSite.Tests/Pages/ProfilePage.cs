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

    private string Text(string selector) => Required<IHtmlElement>(Document, selector).TextContent.Trim();
}
