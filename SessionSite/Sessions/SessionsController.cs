using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Telemetry;

namespace SessionSite.Sessions;

[RequireSession]
public sealed class SessionsController(
    CurrentSession current, SessionList list, SessionRevocation revocation, SessionLifecycle lifecycle, UserStore users, SiteMetrics metrics, SecurityLog log) : Controller
{
    [HttpGet("/sessions")]
    public async Task<IActionResult> Index() => View(await RowsAsync());

    /// <summary>Asks before signing a device out: a confirmation page works without any script under the CSP.</summary>
    [HttpGet("/sessions/{handle}/revoke")]
    [RequireConfirmation]
    public async Task<IActionResult> ConfirmRevoke(string handle) =>
        (await RowsAsync()).FirstOrDefault(row => row.Handle == handle) is { } row ? View(row) : NotFound();

    // Guarded like "sign out all others": a stolen cookie must not end the owner's sessions one by one.
    [HttpPost("/sessions/{handle}/revoke")]
    [RequireConfirmation(FormPage = "/sessions")]
    public async Task<IActionResult> Revoke(string handle)
    {
        var mine = current.Required;
        if (handle == SessionHandle.Of(mine.Credential.StorageHash))
        {
            await lifecycle.SignOutAsync(HttpContext);
            TempData.Flash("You have been signed out.");
            return Redirect("/");
        }
        var target = (await list.ListAsync(mine.Record.UserId)).FirstOrDefault(s => s.Handle == handle);
        if (target is null || !await revocation.RevokeAsync(mine.Record.UserId, target))
            return NotFound();
        log.SessionsRevoked(HttpContext, mine.Record.UserId, 1, devices: [target.Session.Device]);
        metrics.SessionsEnded(MetricTags.Revoked);
        TempData.Flash($"{Describe(target.Session)} has been signed out.", FlashKind.Success);
        return Redirect("/sessions");
    }

    [HttpGet("/sessions/revoke-others")]
    [RequireConfirmation]
    public async Task<IActionResult> ConfirmRevokeOthers() => View((await RowsAsync()).Where(row => !row.IsCurrent).ToList());

    [HttpPost("/sessions/revoke-others")]
    [RequireConfirmation(FormPage = "/sessions/revoke-others")]
    public async Task<IActionResult> RevokeOthers()
    {
        var mine = current.Required;
        var others = (await list.ListAsync(mine.Record.UserId)).Where(s => s.StorageHash != mine.Credential.StorageHash).ToList();
        var ended = await revocation.RevokeAllExceptAsync(mine.Record.UserId, mine.Credential.StorageHash);
        log.SessionsRevoked(HttpContext, mine.Record.UserId, ended, devices: ended == others.Count ? others.Select(s => s.Session.Device).ToList() : null);
        metrics.SessionsEnded(MetricTags.RevokedOthers, ended);
        TempData.Flash(ended switch
        {
            0 => "There were no other sessions to sign out.",
            1 => $"{Describe(others[0].Session)} has been signed out.",
            _ => $"{ended} other sessions have been signed out: {string.Join(", ", others.Select(s => s.Session.Device).Distinct())}.",
        }, FlashKind.Success);
        return Redirect("/sessions");
    }

    /// <summary>Asks before "sign out everywhere", listing every session it ends, this one too.</summary>
    [HttpGet("/sessions/revoke-all")]
    [RequireConfirmation]
    public async Task<IActionResult> ConfirmRevokeAll() => View(await RowsAsync());

    /// <summary>Every session of the account, this one too: for a lost device or a shared computer.</summary>
    [HttpPost("/sessions/revoke-all")]
    [RequireConfirmation(FormPage = "/sessions/revoke-all")]
    public async Task<IActionResult> RevokeAll()
    {
        var mine = current.Required;
        // A credential change like any other: links and pending enrolments made before it stop working.
        await users.MoveStampAsync(mine.Record.UserId);
        var ended = await revocation.RevokeAllExceptAsync(mine.Record.UserId, keepStorageHash: null);
        log.SessionsRevoked(HttpContext, mine.Record.UserId, ended, everywhere: true);
        metrics.SessionsEnded(MetricTags.RevokedAll, ended);
        lifecycle.ForgetBrowserSession(HttpContext);
        TempData.Flash("You have been signed out everywhere.");
        return Redirect("/");
    }

    private async Task<List<SessionRow>> RowsAsync()
    {
        var mine = current.Required;
        return SessionRow.Of(await list.ListAsync(mine.Record.UserId), mine.Credential.StorageHash);
    }

    private static string Describe(SessionRecord session) => session.ClientIp is null ? session.Device : $"{session.Device} ({session.ClientIp})";
}
