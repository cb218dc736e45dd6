using Microsoft.AspNetCore.Mvc;
using QRCoder;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Sessions;

namespace SessionSite.TwoStep;

/// <summary>Turning two-step sign-in on (only after a valid code), off, and making new recovery codes.</summary>
[RequireSession, RequireConfirmation(FormPage = "/account/two-step")]
public sealed class TwoStepSettingsController(
    CurrentSession current,
    UserStore users,
    EnrolmentSecrets enrolment,
    AuthenticatorCodes codes,
    TwoStepStorage twoStep,
    AccountMail mail,
    TimeProvider clock,
    SecurityLog log,
    SessionList sessions,
    Overview.AccountOverviewReader overview) : Controller
{
    [HttpGet("/account/two-step")]
    public async Task<IActionResult> Index()
    {
        var mine = current.Required.Record;
        var account = await users.FindByIdAsync(mine.UserId);
        if (account?.TwoStepSecret is not null)
            return View("On", await overview.ReadAsync(mine.UserId, mine.CreatedAt)); // when added, last used, codes left
        if (account is null)
            return Redirect("/signin");
        var (secret, sealedSecret) = enrolment.NewSecret(account.Id, account.CredentialStamp);
        return View("Enrol", Enrolment(secret, new TwoStepEnrolForm { PendingSecret = sealedSecret }));
    }

    /// <summary>
    /// Only with a secret sealed for this account under its current stamp, and only while two-step is off: replacing
    /// an authenticator is turning it off (which moves the stamp) and on again.
    /// </summary>
    [HttpPost("/account/two-step")]
    public async Task<IActionResult> Enrol(TwoStepEnrolForm form)
    {
        var mine = current.Required.Record;
        var account = await users.FindByIdAsync(mine.UserId);
        if (account?.TwoStepSecret is not null)
            return StartOver("Turn two-step sign-in off first: it is already on, and replacing your authenticator starts with turning it off.");
        var pending = enrolment.Unseal(form.PendingSecret, mine.UserId);
        if (account is null || pending is null || pending.CredentialStamp != account.CredentialStamp)
            return StartOver("That setup took too long, or your account's sign-in settings changed meanwhile. Here is a new secret: add it to your app again.");
        if (!ModelState.IsValid || codes.MatchingStepOf(pending.Base32, form.Code) is not { } step)
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Check the app's time, and enter the code it shows now.");
            return View("Enrol", Enrolment(pending.Base32, form));
        }
        var recoveryCodes = RecoveryCodes.New();
        var at = clock.GetUtcNow();
        // Checked again in the write itself: two-step still off and the stamp still the sealed one.
        if (!await twoStep.EnableAsync(mine.UserId, pending.CredentialStamp, codes.Protect(pending.Base32), step,
                recoveryCodes.Select(RecoveryCodes.Hash)))
            return StartOver("Your account's sign-in settings changed while you were setting this up. Here is a new secret: add it to your app again.");
        log.TwoStep(HttpContext, mine.UserId, ActivityEvent.TwoStepEnabled);
        await sessions.SetFactorAsync(mine.UserId, SessionFactors.TwoStep, on: true);
        await mail.NoticeTwoStepAsync(mine.Email, "Two-step sign-in was turned on: signing in now also asks for a code from your authenticator app.",
            new RecoverableEvent(mine.UserId, RecoverableKind.TwoStepOn, at));
        return View("RecoveryCodes", recoveryCodes);
    }

    [HttpPost("/account/two-step/disable")]
    public async Task<IActionResult> Disable()
    {
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return Redirect("/signin");
        var at = clock.GetUtcNow();
        if (!await twoStep.DisableAsync(account.Id))
            return StartOver("Two-step sign-in was already off.");
        log.TwoStep(HttpContext, account.Id, ActivityEvent.TwoStepDisabled);
        await sessions.SetFactorAsync(account.Id, SessionFactors.TwoStep, on: false);
        await mail.NoticeTwoStepAsync(account.Email, "Two-step sign-in was turned off: signing in now asks only for your password.",
            new RecoverableEvent(account.Id, RecoverableKind.TwoStepOff, at));
        return View("Off");
    }

    [HttpPost("/account/two-step/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { TwoStepSecret: not null } account)
            return Redirect("/account/two-step");
        var recoveryCodes = RecoveryCodes.New();
        var at = clock.GetUtcNow();
        if (!await twoStep.ReplaceRecoveryCodesAsync(account.Id, recoveryCodes.Select(RecoveryCodes.Hash)))
            return StartOver("Two-step sign-in is off, so there are no recovery codes to replace.");
        log.TwoStep(HttpContext, account.Id, ActivityEvent.RecoveryCodesReplaced);
        await mail.NoticeTwoStepAsync(account.Email, "New recovery codes were made for two-step sign-in; the old ones no longer work.",
            new RecoverableEvent(account.Id, RecoverableKind.RecoveryCodes, at));
        return View("RecoveryCodes", recoveryCodes);
    }

    private RedirectResult StartOver(string why)
    {
        TempData.Flash(why, FlashKind.Warning);
        return Redirect("/account/two-step");
    }

    private TwoStepEnrolment Enrolment(string secret, TwoStepEnrolForm form)
    {
        var uri = EnrolmentSecrets.OtpAuthUri(secret, current.Required.Record.Email).ToString();
        using var generator = new QRCodeGenerator();
        var png = new PngByteQRCode(generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M)).GetGraphic(5);
        return new TwoStepEnrolment(secret, "data:image/png;base64," + Convert.ToBase64String(png), uri, form);
    }
}
