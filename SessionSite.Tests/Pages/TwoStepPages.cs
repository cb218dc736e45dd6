using AngleSharp.Html.Dom;
using OtpNet;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.Pages;

/// <summary>The enrolment page: the secret as the person's app would read it, and the form for the first code.</summary>
public sealed class TwoStepEnrolPage : HtmlPage
{
    private readonly IHtmlFormElement form;

    public TwoStepEnrolPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        form = Required<IHtmlFormElement>(document, "#two-step-form");

    public static async Task<TwoStepEnrolPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account/two-step"));

    public string Secret => Required<AngleSharp.Dom.IElement>(Document, "#totp-secret").TextContent.Trim();

    public string QrSource => Required<IHtmlImageElement>(Document, "#totp-qr").GetAttribute("src")!;

    public string OtpAuthUri => Required<IHtmlAnchorElement>(Document, "#totp-uri").GetAttribute("href")!;

    /// <summary>The sealed pending secret the form carries back (a hidden field).</summary>
    public string PendingSecret => Required<IHtmlInputElement>(Document, "#two-step-form input[name=PendingSecret]").Value;

    public Task<HttpResponseMessage> PostAsync(string code) => Browser.SubmitAsync(form, new Dictionary<string, string> { ["Code"] = code });

    /// <summary>Posts this page's form with another sealed secret in place of its own, as a hand-crafted request would.</summary>
    public Task<HttpResponseMessage> PostAsync(string code, string pendingSecret) =>
        Browser.SubmitAsync(form, new Dictionary<string, string> { ["Code"] = code, ["PendingSecret"] = pendingSecret });

    /// <summary>Turns it on with the right code for <paramref name="now"/>; returns the secret and the recovery codes shown once.</summary>
    public async Task<(string Secret, IReadOnlyList<string> RecoveryCodes)> TurnOnAsync(DateTimeOffset now)
    {
        var response = await PostAsync(CodeFor(Secret, now));
        var page = await Browser.ParseAsync(response);
        var codes = page.QuerySelectorAll("#recovery-codes .recovery-code").Select(li => li.TextContent.Trim()).ToList();
        Assert.NotEmpty(codes);
        return (Secret, codes);
    }

    /// <summary>What the person's authenticator app shows at <paramref name="now"/> (RFC 6238, computed by Otp.NET).</summary>
    public static string CodeFor(string secret, DateTimeOffset now) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(now.UtcDateTime);
}

public sealed class TwoStepSignInPage : HtmlPage
{
    private readonly IHtmlFormElement codeForm;
    private readonly IHtmlFormElement recoveryForm;

    public TwoStepSignInPage(Browser browser, IHtmlDocument document) : base(browser, document)
    {
        codeForm = Required<IHtmlFormElement>(document, "#two-step-signin-form");
        recoveryForm = Required<IHtmlFormElement>(document, "#recovery-form");
    }

    public static async Task<TwoStepSignInPage> OpenAsync(Browser browser, string path = "/signin/two-step") =>
        new(browser, await browser.GetDocumentAsync(path));

    public Task<HttpResponseMessage> PostCodeAsync(string code) => Browser.SubmitAsync(codeForm, new Dictionary<string, string> { ["Code"] = code });

    public Task<HttpResponseMessage> PostRecoveryCodeAsync(string code) =>
        Browser.SubmitAsync(recoveryForm, new Dictionary<string, string> { ["RecoveryCode"] = code });

    /// <summary>The antiforgery token of this page, to try a forged post from the half-way session elsewhere.</summary>
    public string AntiforgeryToken => codeForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}

/// <summary>The settings page while two-step sign-in is on: turn it off, or make new recovery codes.</summary>
public sealed class TwoStepOnPage : HtmlPage
{
    public TwoStepOnPage(Browser browser, IHtmlDocument document) : base(browser, document) =>
        Required<AngleSharp.Dom.IElement>(document, "#two-step-on");

    public static async Task<TwoStepOnPage> OpenAsync(Browser browser) => new(browser, await browser.GetDocumentAsync("/account/two-step"));

    public Task<HttpResponseMessage> TurnOffAsync(string currentPassword = UserStories.Password) => SubmitAsync("#two-step-disable-form", currentPassword);

    public Task<HttpResponseMessage> NewRecoveryCodesAsync(string currentPassword = UserStories.Password) =>
        SubmitAsync("#recovery-regenerate-form", currentPassword);

    // The current password is typed only where the form still asks for it (issue 21 moves it to "confirm it's you").
    private Task<HttpResponseMessage> SubmitAsync(string formSelector, string currentPassword)
    {
        var form = Required<IHtmlFormElement>(Document, formSelector);
        var values = form["CurrentPassword"] is null ? [] : new Dictionary<string, string> { ["CurrentPassword"] = currentPassword };
        return Browser.SubmitAsync(form, values);
    }
}
