using Microsoft.AspNetCore.Mvc;
using SessionSite.Sessions;

namespace SessionSite.Settings;

[RequireSession]
public sealed class ProfileController(CurrentSession current) : Controller
{
    [HttpGet("/profile")]
    public IActionResult Index() => View("Profile", current.Required.Record);
}
