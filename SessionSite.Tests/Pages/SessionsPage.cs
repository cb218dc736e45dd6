using AngleSharp.Html.Dom;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

public sealed class SessionsPage : HtmlPage
{
    public SessionsPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        Required<IHtmlTableElement>(document, "#sessions-table");

    public static async Task<SessionsPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/sessions"));

    public IReadOnlyList<Row> Rows =>
        Document.QuerySelectorAll("tr.session-row").Cast<IHtmlTableRowElement>()
            .Select(row => new Row(
                row.GetAttribute("data-session-handle")!,
                row.ClassList.Contains("session-current"),
                row.QuerySelector(".session-device-name")!.TextContent.Trim(),
                row.QuerySelector(".session-ip")!.TextContent.Trim()))
            .ToList();

    public Row Current => Assert.Single(Rows, r => r.IsCurrent);

    /// <summary>"Sign out this device": the row's link to the confirmation page, then its form.</summary>
    public async Task<HttpResponseMessage> PostRevokeAsync(string handle)
    {
        var link = Required<IHtmlAnchorElement>(Document, $"tr[data-session-handle='{handle}'] a.revoke-link");
        var confirm = await Browser.GetDocumentAsync(new Uri(link.Href).PathAndQuery);
        return await Browser.SubmitAsync(Required<IHtmlFormElement>(confirm, "#confirm-revoke-form"));
    }

    /// <summary>Posts a revoke for any handle, as a hand-crafted request from this signed-in page would (its token, another action).</summary>
    public Task<HttpResponseMessage> PostRevokeOfAnyHandleAsync(string handle)
    {
        var form = Required<IHtmlFormElement>(Document, "#signout-form");
        form.Action = $"/sessions/{handle}/revoke";
        return Browser.SubmitAsync(form);
    }

    public async Task<SessionsPage> RevokeAsync(string handle) =>
        new(Browser, await Browser.FollowRedirectAsync(await PostRevokeAsync(handle), "/sessions"));

    /// <summary>"Sign out everywhere": the link to the confirmation page, then its form; answers with the home page.</summary>
    public async Task<HttpResponseMessage> SignOutEverywhereAsync()
    {
        var link = Required<IHtmlAnchorElement>(Document, "#revoke-all-link");
        var confirm = await Browser.GetDocumentAsync(new Uri(link.Href).PathAndQuery);
        return await Browser.SubmitAsync(Required<IHtmlFormElement>(confirm, "#confirm-revoke-all-form"));
    }

    public bool OffersToSignOutOthers => Document.QuerySelector("#revoke-others-link") is not null;

    /// <summary>"Sign out all other sessions": the link to the confirmation page, then its form.</summary>
    public async Task<SessionsPage> RevokeOthersAsync()
    {
        var link = Required<IHtmlAnchorElement>(Document, "#revoke-others-link");
        var confirm = await Browser.GetDocumentAsync(new Uri(link.Href).PathAndQuery);
        var response = await Browser.SubmitAsync(Required<IHtmlFormElement>(confirm, "#confirm-revoke-others-form"));
        return new SessionsPage(Browser, await Browser.FollowRedirectAsync(response, "/sessions"));
    }

    public sealed record Row(string Handle, bool IsCurrent, string Device, string Ip);
}
