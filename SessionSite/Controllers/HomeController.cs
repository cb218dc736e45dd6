using Microsoft.AspNetCore.Mvc;

namespace SessionSite.Controllers;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
