using Microsoft.AspNetCore.Mvc;
using SessionSite.Overview;
using SessionSite.Sessions;

namespace SessionSite.Settings;

/// <summary>"Your account": a row per settings page with its status, linked from the navbar.</summary>
[RequireSession]
public sealed class OverviewController(CurrentSession current, AccountOverviewReader overview) : Controller
{
    /// <summary>Reads the account beside the session (one script, see <see cref="AccountOverviewReader"/>) for each row's status.</summary>
    [HttpGet("/account")]
    public async Task<IActionResult> Overview()
    {
        var record = current.Required.Record;
        return View(new AccountOverviewPage(record, await overview.ReadAsync(record.UserId, record.CreatedAt)));
    }
}
