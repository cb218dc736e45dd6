using Microsoft.AspNetCore.Mvc;
using QRCoder;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Models;
using SessionSite.Recovery;
using SessionSite.Sessions;
using SessionSite.TwoStep;

namespace SessionSite.Controllers;

/// <summary>Turning two-step sign-in on (only after a valid code), off, and making new recovery codes.</summary>
[RequireSession]
public sealed class TwoStepSettingsController(
    CurrentSession current,
    UserStore users,
    CurrentPasswordCheck check,
    TwoStepCodes codes,
    AccountMail mail,
    TimeProvider clock,
    SecurityLog log) : Controller
{
    [HttpGet("/account/two-step")]
    public async Task<IActionResult> Index()
    {
        var account = await users.FindByIdAsync(current.Required.Record.UserId);
        if (account?.TwoStepSecret is not null)
            return View("On", new CurrentPasswordForm());
        var (secret, sealedSecret) = codes.NewSecret();
        return View("Enrol", Enrolment(secret, new TwoStepEnrolForm { PendingSecret = sealedSecret }));
    }

    [HttpPost("/account/two-step")]
    public async Task<IActionResult> Enrol(TwoStepEnrolForm form)
    {
        var mine = current.Required.Record;
        var secret = codes.Unseal(form.PendingSecret);
        if (secret is null)
        {
            TempData.Flash("That setup took too long. Here is a new secret: add it to your app again.", FlashKind.Warning);
            return Redirect("/account/two-step");
        }
        if (!ModelState.IsValid || codes.MatchingStepOf(secret, form.Code) is not { } step)
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Check the app's time, and enter the code it shows now.");
            return View("Enrol", Enrolment(secret, form));
        }
        var recoveryCodes = TwoStepCodes.NewRecoveryCodes();
        var at = clock.GetUtcNow();
        await users.EnableTwoStepAsync(mine.UserId, codes.Protect(secret), step, recoveryCodes.Select(TwoStepCodes.HashRecoveryCode));
        log.TwoStep(HttpContext, mine.UserId, ActivityEvent.TwoStepEnabled);
        await mail.NoticeTwoStepAsync(mine.Email, "Two-step sign-in was turned on: signing in now also asks for a code from your authenticator app.",
            new RecoverableEvent(mine.UserId, RecoverableKind.TwoStepOn, at));
        return View("RecoveryCodes", recoveryCodes);
    }

    [HttpPost("/account/two-step/disable")]
    public async Task<IActionResult> Disable(CurrentPasswordForm form)
    {
        if (await CheckPasswordAsync(form) is not { } account)
            return View("On", form);
        var at = clock.GetUtcNow();
        await users.DisableTwoStepAsync(account.Id);
        log.TwoStep(HttpContext, account.Id, ActivityEvent.TwoStepDisabled);
        await mail.NoticeTwoStepAsync(account.Email, "Two-step sign-in was turned off: signing in now asks only for your password.",
            new RecoverableEvent(account.Id, RecoverableKind.TwoStepOff, at));
        return View("Off");
    }

    [HttpPost("/account/two-step/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes(CurrentPasswordForm form)
    {
        if (await CheckPasswordAsync(form) is not { TwoStepSecret: not null } account)
            return View("On", form);
        var recoveryCodes = TwoStepCodes.NewRecoveryCodes();
        var at = clock.GetUtcNow();
        await users.ReplaceRecoveryCodesAsync(account.Id, recoveryCodes.Select(TwoStepCodes.HashRecoveryCode));
        log.TwoStep(HttpContext, account.Id, ActivityEvent.RecoveryCodesReplaced);
        await mail.NoticeTwoStepAsync(account.Email, "New recovery codes were made for two-step sign-in; the old ones no longer work.",
            new RecoverableEvent(account.Id, RecoverableKind.RecoveryCodes, at));
        return View("RecoveryCodes", recoveryCodes);
    }

    private async Task<Account?> CheckPasswordAsync(CurrentPasswordForm form) =>
        ModelState.IsValid ? await check.VerifyAsync(this, current.Required.Record, form.CurrentPassword, nameof(form.CurrentPassword)) : null;

    private TwoStepEnrolment Enrolment(string secret, TwoStepEnrolForm form)
    {
        var uri = TwoStepCodes.OtpAuthUri(secret, current.Required.Record.Email).ToString();
        using var generator = new QRCodeGenerator();
        var png = new PngByteQRCode(generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M)).GetGraphic(5);
        return new TwoStepEnrolment(secret, "data:image/png;base64," + Convert.ToBase64String(png), uri, form);
    }
}
