using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Models;
using SessionSite.Security;
using SessionSite.Sessions;

namespace SessionSite.Controllers;

[RequireSession]
public sealed class PasswordController(CurrentSession current, PasswordChange passwords, SessionSignIn sessions, SecurityLog log)
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
        var account = await passwords.ChangeAsync(mine.User.UserId, form.CurrentPassword, form.NewPassword);
        if (account is null)
        {
            log.PasswordChangeFailed(HttpContext, mine.User.UserId);
            ModelState.AddModelError(nameof(form.CurrentPassword), "The current password is incorrect.");
            return View(form);
        }
        await sessions.RenewAndEndOthersAsync(HttpContext, account, mine.User);
        log.PasswordChanged(HttpContext, account.Id);
        TempData.Flash("Your password has been changed and every other session has been signed out.");
        return Redirect("/profile");
    }
}
