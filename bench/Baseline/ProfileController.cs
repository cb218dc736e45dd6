using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Baseline;

public sealed class ProfileController : Controller
{
    [HttpGet("/profile")]
    public async Task<IActionResult> Index()
    {
        await HttpContext.Session.LoadAsync();
        var json = HttpContext.Session.GetString("user");
        return json is null ? Redirect("/login") : View(JsonSerializer.Deserialize<BaselineUser>(json));
    }
}
