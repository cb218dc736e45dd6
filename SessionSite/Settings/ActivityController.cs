using Microsoft.AspNetCore.Mvc;
using SessionSite.Activity;
using SessionSite.Sessions;

namespace SessionSite.Settings;

[RequireSession]
public sealed class ActivityController(CurrentSession current, AccountActivity activity) : Controller
{
    [HttpGet("/account/activity")]
    public async Task<IActionResult> Activity() => View(await activity.ListAsync(current.Required.Record.UserId));
}
