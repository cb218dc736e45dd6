using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Models;
using SessionSite.Recovery;
using SessionSite.Sessions;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.Controllers;

[RequireSession]
public sealed class PasswordController(
    CurrentSession current,
    UserStore users,
    PasswordAuthenticator passwords,
    SignInThrottle throttle,
    SessionLifecycle sessions,
    AccountMail mail,
    SecurityLog log)
    : Controller
{
    [HttpGet("/account/password")]
    public IActionResult Change() => View(new ChangePasswordForm());

    [HttpPost("/account/password")]
    public async Task<IActionResult> Change(ChangePasswordForm form)
    {
        var mine = current.Required;
        // The current password is checked first, whatever else is wrong: a person fixing the new one must not
        // learn only afterwards that the current one was never right.
        if (string.IsNullOrEmpty(form.CurrentPassword))
            return View(form);
        // The current password is a password guess like any other: it counts against the account's sign-in throttle.
        var attempt = await throttle.BeginAsync(ClientAddress.Of(HttpContext), mine.Record.Email);
        if (attempt.Wait is { } wait)
        {
            log.SignInThrottled(HttpContext, wait);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString();
            ModelState.AddModelError(nameof(form.CurrentPassword), $"Too many wrong passwords. Try again in {WaitText.Of(wait)}.");
            return View(form);
        }
        var stored = await users.FindByIdAsync(mine.Record.UserId);
        if (stored is null || !await attempt.CheckAsync(() => passwords.VerifyAsync(stored, form.CurrentPassword)))
        {
            log.PasswordChangeFailed(HttpContext, mine.Record.UserId);
            ModelState.AddModelError(nameof(form.CurrentPassword), "The current password is incorrect.");
            return View(form);
        }
        await attempt.SucceededAsync();
        if (!ModelState.IsValid)
            return View(form);
        if (form.NewPassword == form.CurrentPassword)
        {
            ModelState.AddModelError(nameof(form.NewPassword), "That is your current password. Choose a different one.");
            return View(form);
        }
        var account = await users.ReplacePasswordAsync(stored, await passwords.HashAsync(stored, form.NewPassword));
        log.PasswordChanged(HttpContext, account.Id);
        await mail.NoticePasswordChangedAsync(account.Email);
        if (!await sessions.RenewAndEndOthersAsync(HttpContext, account, mine.Record))
        {
            TempData.Flash("Your password was changed again elsewhere. Please sign in with the newest one.", FlashKind.Warning);
            return Redirect("/signin");
        }
        TempData.Flash("Your password has been changed and every other session has been signed out.", FlashKind.Success);
        return Redirect("/profile");
    }
}
