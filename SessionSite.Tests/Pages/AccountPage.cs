using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>"Your account": every account page is one link away.</summary>
public sealed class AccountPage : HtmlPage
{
    public AccountPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        Required<AngleSharp.Dom.IElement>(document, "#account");

    public static async Task<AccountPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account"));

    public IReadOnlyList<string> Links => Document.QuerySelectorAll("#account a.account-row-title").Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>The status line of a row (<c>email</c>, <c>password</c>, <c>two-step</c>, <c>passkeys</c>, <c>sessions</c>).</summary>
    public AngleSharp.Dom.IElement Status(string row) => Required<AngleSharp.Dom.IElement>(Document, $"#account-status-{row}");

    public string StatusText(string row) => string.Join(' ', Status(row).TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public string? PendingEmail => Document.QuerySelector("#pending-email #pending-email-address")?.TextContent.Trim();

    /// <summary>"Cancel the change" of a pending email change; lands back on the overview.</summary>
    public async Task<AccountPage> CancelPendingEmailAsync() =>
        new(Browser, await Browser.FollowRedirectAsync(await Browser.SubmitAsync(Required<IHtmlFormElement>(Document, "#pending-email-cancel-form")), "/account"));
}

/// <summary>"Your data" (<c>GET /account/data</c>): the download form.</summary>
public sealed class YourDataPage : HtmlPage
{
    private readonly IHtmlFormElement dataForm;

    public YourDataPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        dataForm = Required<IHtmlFormElement>(document, "#data-form");

    public static async Task<YourDataPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account/data"));

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
        Required<IHtmlTableElement>(document, "#activity-table");

    public static async Task<ActivityPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account/activity"));

    /// <summary>The rows' events, newest first, as the page lists them.</summary>
    public IReadOnlyList<string> Events => Document.QuerySelectorAll("tr.activity-row").Select(r => r.GetAttribute("data-event")!).ToList();

    public IReadOnlyList<string> RowTexts => Document.QuerySelectorAll("tr.activity-row").Select(r => r.TextContent).ToList();
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
