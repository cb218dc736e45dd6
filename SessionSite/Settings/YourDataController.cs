using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Passkeys;
using SessionSite.Sessions;

namespace SessionSite.Settings;

/// <summary>Everything the site keeps about the account, as one JSON download (behind "confirm it's you").</summary>
[RequireSession]
public sealed class YourDataController(
    CurrentSession current, UserStore users, SessionList sessions, AccountActivity activity, RedisPasskeyStore passkeys, SecurityLog log) : Controller
{
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
}
