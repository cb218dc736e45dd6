using Microsoft.AspNetCore.Mvc;
using SessionSite.Flash;
using SessionSite.Models;
using SessionSite.Security;
using SessionSite.Sessions;

namespace SessionSite.Controllers;

[RequireSession]
public sealed class SessionsController(CurrentSession current, SessionStore store, SessionSignIn sessions, SecurityLog log) : Controller
{
    [HttpGet("/sessions")]
    public async Task<IActionResult> Index()
    {
        var mine = current.Required;
        var rows = (await store.ListAsync(mine.User.UserId))
            .Select(s => new SessionRow(s.Session, s.StorageHash == mine.Credential.StorageHash))
            .ToList();
        return View(rows);
    }

    [HttpPost("/sessions/{id}/revoke")]
    public async Task<IActionResult> Revoke(string id)
    {
        var mine = current.Required;
        if (id == mine.User.Handle)
        {
            await sessions.SignOutAsync(HttpContext);
            TempData.Flash("You have been signed out.");
            return Redirect("/");
        }
        if (!await store.RevokeAsync(mine.User.UserId, id))
            return NotFound();
        log.SessionsRevoked(HttpContext, mine.User.UserId, 1);
        TempData.Flash("That session has been signed out.");
        return Redirect("/sessions");
    }

    [HttpPost("/sessions/revoke-others")]
    public async Task<IActionResult> RevokeOthers()
    {
        var mine = current.Required;
        var ended = await store.RevokeAllExceptAsync(mine.User.UserId, mine.Credential.StorageHash);
        log.SessionsRevoked(HttpContext, mine.User.UserId, ended);
        TempData.Flash(ended == 1 ? "1 other session has been signed out." : $"{ended} other sessions have been signed out.");
        return Redirect("/sessions");
    }
}
