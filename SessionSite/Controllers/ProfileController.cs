using Microsoft.AspNetCore.Mvc;
using SessionSite.Sessions;

namespace SessionSite.Controllers;

[RequireSession]
public sealed class ProfileController(CurrentSession current) : Controller
{
    [HttpGet("/profile")]
    public IActionResult Index() => View(current.Required.Record);
}
