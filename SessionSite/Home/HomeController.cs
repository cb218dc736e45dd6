using Microsoft.AspNetCore.Mvc;
using SessionSite.Sessions;

namespace SessionSite.Home;

[PublicPage]
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
