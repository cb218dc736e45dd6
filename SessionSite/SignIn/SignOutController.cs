using Microsoft.AspNetCore.Mvc;
using SessionSite.Flash;
using SessionSite.Sessions;

namespace SessionSite.SignIn;

[PublicPage]
public sealed class SignOutController(SessionLifecycle sessions) : Controller
{
    /// <summary>A link or a typed address lands on a page with the button (as GitHub's /logout): a GET signs nobody out.</summary>
    [HttpGet("/signout")]
    [AllowHalfSignedIn]
    public IActionResult SignOutPage() => View("SignOut");

    [HttpPost("/signout")]
    [AllowHalfSignedIn]
    public async Task<IActionResult> SignOutOfSite()
    {
        await sessions.SignOutAsync(HttpContext);
        TempData.Flash("You have been signed out.");
        return Redirect("/");
    }
}
