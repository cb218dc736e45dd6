using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>/account/passkeys: the rows and the add form (whose ceremony passkeys.js would run).</summary>
public sealed class PasskeysPage : HtmlPage
{
    public const string Path = "/account/passkeys";

    private readonly IHtmlFormElement addForm;

    public PasskeysPage(Browser browser, IHtmlDocument document) : base(browser, document)
    {
        Assert.NotNull(document.QuerySelector("#passkeys"));
        Assert.NotNull(document.QuerySelector("#add-passkey"));
        addForm = Required<IHtmlFormElement>(document, "#add-passkey-form");
    }

    public static async Task<PasskeysPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync(Path));

    public IReadOnlyList<(string Id, string Name)> Rows =>
        Document.QuerySelectorAll("tr.passkey-row")
            .Select(row => (row.GetAttribute("data-passkey-id")!, row.QuerySelector(".passkey-name")!.TextContent.Trim()))
            .ToList();

    /// <summary>What passkeys.js does first: post the form's fields (its antiforgery token) to its options address.</summary>
    public Task<HttpResponseMessage> RequestOptionsAsync()
    {
        addForm.Action = addForm.GetAttribute("data-options")!;
        return Browser.SubmitAsync(addForm);
    }

    /// <summary>Then: the credential the browser made, posted as the form itself.</summary>
    public Task<HttpResponseMessage> PostCredentialAsync(string credentialJson)
    {
        addForm.Action = "/account/passkeys/add";
        return Browser.SubmitAsync(addForm, new Dictionary<string, string> { ["CredentialJson"] = credentialJson });
    }
}

/// <summary>The naming step after adding a passkey, and the rename page.</summary>
public sealed class PasskeyNamePage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public PasskeyNamePage(Browser browser, IHtmlDocument document) : base(browser, document)
    {
        form = Required<IHtmlFormElement>(document, "#passkey-name-form");
        Assert.NotNull(document.QuerySelector("#PasskeyName"));
    }

    public string DefaultName => ((IHtmlInputElement)Document.QuerySelector("#PasskeyName")!).Value;

    public bool OffersToSignOutOthers => Document.QuerySelector("#after-change-revoke-others") is not null;

    public Task<HttpResponseMessage> PostAsync(string name) =>
        Browser.SubmitAsync(form, new Dictionary<string, string> { ["PasskeyName"] = name });
}
