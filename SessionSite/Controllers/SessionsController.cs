using Microsoft.AspNetCore.Mvc;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Models;
using SessionSite.Sessions;

namespace SessionSite.Controllers;

[RequireSession]
public sealed class SessionsController(CurrentSession current, SessionStore store, SessionLifecycle lifecycle, SecurityLog log) : Controller
{
    [HttpGet("/sessions")]
    public async Task<IActionResult> Index()
    {
        var mine = current.Required;
        var rows = (await store.ListAsync(mine.Record.UserId))
            .Select(s => new SessionRow(s.Session, s.StorageHash == mine.Credential.StorageHash))
            .ToList();
        return View(rows);
    }

    [HttpPost("/sessions/{handle}/revoke")]
    public async Task<IActionResult> Revoke(string handle)
    {
        var mine = current.Required;
        if (handle == mine.Record.Handle)
        {
            await lifecycle.SignOutAsync(HttpContext);
            TempData.Flash("You have been signed out.");
            return Redirect("/");
        }
        if (!await store.RevokeAsync(mine.Record.UserId, handle))
            return NotFound();
        log.SessionsRevoked(HttpContext, mine.Record.UserId, 1);
        TempData.Flash("That session has been signed out.");
        return Redirect("/sessions");
    }

    /// <summary>Every session of the account, this one too: for a lost device or a shared computer.</summary>
    [HttpPost("/sessions/revoke-all")]
    public async Task<IActionResult> RevokeAll()
    {
        var mine = current.Required;
        var ended = await store.RevokeAllExceptAsync(mine.Record.UserId, keepStorageHash: null);
        log.SessionsRevoked(HttpContext, mine.Record.UserId, ended, everywhere: true);
        lifecycle.ForgetBrowserSession(HttpContext);
        TempData.Flash("You have been signed out everywhere.");
        return Redirect("/");
    }

    [HttpPost("/sessions/revoke-others")]
    public async Task<IActionResult> RevokeOthers()
    {
        var mine = current.Required;
        var ended = await store.RevokeAllExceptAsync(mine.Record.UserId, mine.Credential.StorageHash);
        log.SessionsRevoked(HttpContext, mine.Record.UserId, ended);
        TempData.Flash(ended == 1 ? "1 other session has been signed out." : $"{ended} other sessions have been signed out.");
        return Redirect("/sessions");
    }
}
