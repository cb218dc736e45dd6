using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Mail;
using SessionSite.Sessions;
using SessionSite.Telemetry;

namespace SessionSite.Settings;

[RequireSession]
public sealed class DeleteAccountController(
    CurrentSession current,
    UserStore users,
    AccountDeletion deletion,
    SessionLifecycle lifecycle,
    AccountMail mail,
    SiteMetrics metrics,
    SecurityLog log) : Controller
{
    [HttpGet("/account/delete")]
    [RequireConfirmation]
    public IActionResult Delete() => View(new DeleteAccountForm());

    [HttpPost("/account/delete")]
    [RequireConfirmation(FormPage = "/account/delete")]
    public async Task<IActionResult> Delete(DeleteAccountForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return Redirect("/signin");
        if (EmailAddress.Normalize(form.ConfirmEmail) != EmailAddress.Normalize(account.Email))
        {
            ModelState.AddModelError(nameof(form.ConfirmEmail), "Type the email address of this account exactly, to show you mean it.");
            return View(form);
        }
        if (await deletion.DeleteAsync(account, current.Required.Credential.StorageHash) is not { } ended)
        {
            ModelState.AddModelError(nameof(form.ConfirmEmail), "Your password or sign-in settings changed just now, so nothing was deleted. Try again.");
            return View(form);
        }
        metrics.SessionsEnded(MetricTags.Deleted, ended);
        await mail.NoticeAccountDeletedAsync(account.Email);
        log.AccountDeleted(HttpContext, account.Id);
        lifecycle.ForgetBrowserSession(HttpContext);
        return View("Deleted");
    }
}
