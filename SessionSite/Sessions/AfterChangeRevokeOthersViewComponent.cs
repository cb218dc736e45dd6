using Microsoft.AspNetCore.Mvc;

namespace SessionSite.Sessions;

/// <summary>
/// On the page after a factor change (ASVS 7.4.3): the account's other sessions and "Sign out all other sessions"
/// in one click. The change itself was the confirmation, so the form posts straight to the sessions page's action.
/// </summary>
public sealed class AfterChangeRevokeOthersViewComponent(CurrentSession current, SessionList list) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var mine = current.Required;
        var others = SessionRow.Of(await list.ListAsync(mine.Record.UserId), mine.Credential.StorageHash).Where(row => !row.IsCurrent).ToList();
        return View(others);
    }
}
