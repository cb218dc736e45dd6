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
    CurrentSession current, PasswordChange passwords, SignInThrottle throttle, SessionLifecycle sessions, AccountMail mail, SecurityLog log)
    : Controller
{
    [HttpGet("/account/password")]
    public IActionResult Change() => View(new ChangePasswordForm());

    [HttpPost("/account/password")]
    public async Task<IActionResult> Change(ChangePasswordForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        var mine = current.Required;
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
        var account = await passwords.ChangeAsync(mine.Record.UserId, form.CurrentPassword, form.NewPassword);
        if (account is null)
        {
            log.PasswordChangeFailed(HttpContext, mine.Record.UserId);
            ModelState.AddModelError(nameof(form.CurrentPassword), "The current password is incorrect.");
            return View(form);
        }
        await attempt.SucceededAsync();
        log.PasswordChanged(HttpContext, account.Id);
        await mail.NoticePasswordChangedAsync(account.Email);
        if (!await sessions.RenewAndEndOthersAsync(HttpContext, account, mine.Record))
        {
            TempData.Flash("Your password was changed again elsewhere. Please sign in with the newest one.");
            return Redirect("/signin");
        }
        TempData.Flash("Your password has been changed and every other session has been signed out.");
        return Redirect("/profile");
    }
}
