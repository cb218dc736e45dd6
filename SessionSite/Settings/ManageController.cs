using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Mail;
using SessionSite.Overview;
using SessionSite.Passkeys;
using SessionSite.Sessions;

namespace SessionSite.Settings;

/// <summary>"Your account": profile, activity, data download and deletion, in one place linked from the navbar.</summary>
[RequireSession]
public sealed class ManageController(
    CurrentSession current,
    UserStore users,
    AccountDeletion deletion,
    SessionList sessions,
    SessionLifecycle lifecycle,
    AccountActivity activity,
    RedisPasskeyStore passkeys,
    AccountMail mail,
    Telemetry.SiteMetrics metrics,
    SecurityLog log,
    AccountOverviewReader overview) : Controller
{
    /// <summary>Reads the account beside the session (one script, see <see cref="AccountOverviewReader"/>) for each row's status.</summary>
    [HttpGet("/account")]
    public async Task<IActionResult> Overview()
    {
        var record = current.Required.Record;
        return View(new AccountOverviewPage(record, await overview.ReadAsync(record.UserId, record.CreatedAt)));
    }

    [HttpGet("/account/profile")]
    public IActionResult EditProfile() => View(new EditProfileForm { DisplayName = current.Required.Record.DisplayName });

    /// <summary>The name is rewritten into every live session of the account, so each browser shows it on its next request.</summary>
    [HttpPost("/account/profile")]
    public async Task<IActionResult> EditProfile(EditProfileForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        var userId = current.Required.Record.UserId;
        var name = form.DisplayName.Trim();
        if (await users.UpdateDisplayNameAsync(userId, name) is { } version)
            await sessions.RewriteAllAsync(userId, record => record with { DisplayName = name, ProfileVersion = version });
        log.ProfileChanged(HttpContext, userId);
        TempData.Flash("Your profile has been saved.", FlashKind.Success);
        return Redirect("/account");
    }

    [HttpGet("/account/activity")]
    public async Task<IActionResult> Activity() => View(await activity.ListAsync(current.Required.Record.UserId));

    /// <summary>The download form on a page of its own in the settings area.</summary>
    [HttpGet("/account/data")]
    public IActionResult YourData() => View("Data");

    [HttpPost("/account/data")]
    [RequireConfirmation(FormPage = "/account/data")]
    public async Task<IActionResult> Data()
    {
        var mine = current.Required;
        if (await users.FindByIdAsync(mine.Record.UserId) is not { } account)
            return Redirect("/signin");
        var data = new PersonalData(
            new PersonalData.AccountPart(account.Id, account.Email, account.EmailVerified, account.DisplayName, account.CreatedAt),
            (await sessions.ListAsync(account.Id)).Select(s => new PersonalData.SessionPart(
                s.Session.Device, s.Session.ClientIp, s.Session.CreatedAt, s.Session.LastSeenAt, s.Session.ExpiresAt, s.Session.Persistent,
                s.StorageHash == mine.Credential.StorageHash)).ToList(),
            (await activity.ListAsync(account.Id)).Select(a => new PersonalData.ActivityPart(a.Event, a.At, a.Device, a.Ip)).ToList(),
            (await passkeys.ListAsync(account.Id)).Select(p => new PersonalData.PasskeyPart(p.Name, p.AddedAt, p.LastUsedAt, p.Synced)).ToList());
        log.DataDownloaded(HttpContext, account.Id);
        return File(JsonSerializer.SerializeToUtf8Bytes(data, PersonalDataJsonContext.Default.PersonalData), "application/json", "sessionsite-data.json");
    }

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
        metrics.SessionsEnded(Telemetry.MetricTags.Deleted, ended);
        await mail.NoticeAccountDeletedAsync(account.Email);
        log.AccountDeleted(HttpContext, account.Id);
        lifecycle.ForgetBrowserSession(HttpContext);
        return View("Deleted");
    }
}
