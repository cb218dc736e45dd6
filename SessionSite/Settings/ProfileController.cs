using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Sessions;

namespace SessionSite.Settings;

/// <summary>The profile as the session knows it (/profile, where sign-in lands), and the display name's settings page.</summary>
[RequireSession]
public sealed class ProfileController(CurrentSession current, UserStore users, SessionList sessions, SecurityLog log) : Controller
{
    [HttpGet("/profile")]
    public IActionResult Profile() => View(current.Required.Record);

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
}
