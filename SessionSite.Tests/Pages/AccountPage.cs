using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>"Your account": every account page is one link away, and the data download form is here.</summary>
public sealed class AccountPage : HtmlPage
{
    private readonly IHtmlFormElement dataForm;

    public AccountPage(Browser browser, IHtmlDocument document) : base(browser, document)
    {
        Required<AngleSharp.Dom.IElement>(document, "#account");
        dataForm = Required<IHtmlFormElement>(document, "#data-form");
    }

    public static async Task<AccountPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account"));

    public IReadOnlyList<string> Links => Document.QuerySelectorAll("#account a[href]").Select(a => a.GetAttribute("href")!).ToList();

    public Task<HttpResponseMessage> DownloadDataAsync() => Browser.SubmitAsync(dataForm);
}

public sealed class EditProfilePage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public EditProfilePage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#profile-form");

    public static async Task<EditProfilePage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account/profile"));

    public Task<HttpResponseMessage> PostAsync(string displayName) =>
        Browser.SubmitAsync(form, new Dictionary<string, string> { ["DisplayName"] = displayName });

    public async Task<AccountPage> SaveAsync(string displayName) =>
        new(Browser, await Browser.FollowRedirectAsync(await PostAsync(displayName), "/account"));
}

public sealed class ActivityPage : HtmlPage
{
    public ActivityPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        Required<IHtmlOrderedListElement>(document, "#activity-list");

    public static async Task<ActivityPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account/activity"));

    /// <summary>The rows' events, newest first, as the page lists them.</summary>
    public IReadOnlyList<string> Events => Document.QuerySelectorAll(".activity-row").Select(r => r.GetAttribute("data-event")!).ToList();

    public IReadOnlyList<string> RowTexts => Document.QuerySelectorAll(".activity-row").Select(r => r.TextContent).ToList();

    /// <summary>Each row's sentence, newest first.</summary>
    public IReadOnlyList<string> Sentences => Document.QuerySelectorAll(".activity-row .activity-what").Select(r => r.TextContent.Trim()).ToList();
}

public sealed class DeleteAccountPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public DeleteAccountPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#delete-form");

    public static async Task<DeleteAccountPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account/delete"));

    public Task<HttpResponseMessage> PostAsync(string confirmEmail) =>
        Browser.SubmitAsync(form, new Dictionary<string, string> { ["ConfirmEmail"] = confirmEmail });
}
