using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>Any page of the site: the navbar and the flash message are on all of them.</summary>
public abstract class HtmlPage(Browser browser, IHtmlDocument document)
{
    public Browser Browser { get; } = browser;

    public IHtmlDocument Document { get; } = document;

    public bool IsSignedIn => Document.QuerySelector("#signout-button") is not null;

    public string? SignedInName => Document.QuerySelector("#nav-user")?.TextContent.Trim();

    public string? Flash => Document.QuerySelector("#flash-message")?.TextContent.Trim();

    public async Task<HomePage> SignOutAsync()
    {
        var form = Assert.IsAssignableFrom<IHtmlFormElement>(Document.QuerySelector("#signout-form"));
        var response = await Browser.SubmitAsync(form);
        return new HomePage(Browser, await Browser.FollowRedirectAsync(response, "/"));
    }

    protected static T Required<T>(IHtmlDocument document, string selector) where T : class =>
        Assert.IsAssignableFrom<T>(document.QuerySelector(selector));

    /// <summary>The validation message shown beside a field, or null.</summary>
    public string? FieldError(string field)
    {
        var text = Document.QuerySelector($"#{field}-error")?.TextContent.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public string? FormError(string summaryId)
    {
        var text = Document.QuerySelector($"#{summaryId}")?.TextContent.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
