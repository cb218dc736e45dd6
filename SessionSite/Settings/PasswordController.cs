using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Sessions;

namespace SessionSite.Settings;

[RequireSession]
public sealed class PasswordController(
    CurrentSession current,
    UserStore users,
    PasswordAuthenticator passwords,
    CurrentPasswordCheck check,
    SessionLifecycle sessions,
    AccountMail mail,
    TimeProvider clock,
    SecurityLog log)
    : Controller
{
    [HttpGet("/account/password")]
    public IActionResult Change() => View("ChangePassword", new ChangePasswordForm());

    [HttpPost("/account/password")]
    public async Task<IActionResult> Change(ChangePasswordForm form)
    {
        var mine = current.Required;
        // The current password is checked first, whatever else is wrong: a person fixing the new one must not
        // learn only afterwards that the current one was never right.
        if (string.IsNullOrEmpty(form.CurrentPassword))
            return View("ChangePassword", form);
        var checkedPassword = await check.VerifyAsync(this, mine, form.CurrentPassword, nameof(form.CurrentPassword));
        if (checkedPassword.SessionSpent)
        {
            await sessions.SignOutAsync(HttpContext, Telemetry.MetricTags.ConfirmLocked);
            TempData.Flash("For your safety this browser was signed out, after too many wrong passwords.", FlashKind.Warning);
            return Redirect("/signin");
        }
        if (checkedPassword.Account is not { } stored)
            return View("ChangePassword", form);
        if (!ModelState.IsValid)
            return View("ChangePassword", form);
        if (form.NewPassword == form.CurrentPassword)
        {
            ModelState.AddModelError(nameof(form.NewPassword), "That is your current password. Choose a different one.");
            return View("ChangePassword", form);
        }
        var at = clock.GetUtcNow();
        if (await users.ReplacePasswordAsync(stored, await passwords.HashAsync(stored, form.NewPassword)) is not { } account)
        {
            sessions.ForgetBrowserSession(HttpContext);
            return Redirect("/"); // the account was deleted meanwhile
        }
        log.PasswordChanged(HttpContext, account.Id);
        await mail.NoticePasswordChangedAsync(account.Email, new RecoverableEvent(account.Id, RecoverableKind.PasswordChanged, at));
        if (!await sessions.RenewAndEndOthersAsync(HttpContext, account, mine.Record))
        {
            TempData.Flash("Your password was changed again elsewhere. Please sign in with the newest one.", FlashKind.Warning);
            return Redirect("/signin");
        }
        TempData.Flash("Your password has been changed and every other session has been signed out.", FlashKind.Success);
        return Redirect("/profile");
    }
}
