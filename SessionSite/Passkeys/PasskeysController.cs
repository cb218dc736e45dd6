using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Flash;
using SessionSite.Sessions;
using SessionSite.Web;

namespace SessionSite.Passkeys;

/// <summary>The passkeys page: list; add (the browser's ceremony, then naming it), rename and remove, each behind "confirm it's you".</summary>
[RequireSession]
public sealed class PasskeysController(
    CurrentSession current, UserStore users, RedisPasskeyStore store, PasskeyRegistration registration, PasskeyChanges changes) : Controller
{
    public const string Path = "/account/passkeys";

    [HttpGet(Path)]
    public async Task<IActionResult> Index() =>
        View("Index", new PasskeysPage(await store.ListAsync(current.Required.Record.UserId)));

    /// <summary>Creation options for passkeys.js; the state waits in Redis for the attestation.</summary>
    [HttpPost(Path + "/options"), RequireConfirmation(FormPage = Path)]
    public async Task<IActionResult> Options()
    {
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return Redirect("/signin");
        return Content(await registration.BeginAsync(account, HttpContext), "application/json");
    }

    [HttpPost(Path + "/add"), RequireConfirmation(FormPage = Path)]
    public async Task<IActionResult> Add(PasskeyCredentialForm form)
    {
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return Redirect("/signin");
        if (!ModelState.IsValid || await registration.FinishAsync(account, form.CredentialJson, HttpContext) is not { } passkey)
            return StartOver("That passkey could not be added: the browser's answer was missing, too late or not valid. Try again.");
        var name = AuthenticatorNames.Of(passkey.AttestationObject) ?? DeviceLabel.FromUserAgent(Request.Headers.UserAgent);
        if (!await changes.AddAsync(HttpContext, account, passkey, name))
            return StartOver("That passkey is already registered.");
        var id = RedisPasskeyStore.IdText(passkey.CredentialId);
        return View("Name", new PasskeyNameForm { PasskeyId = id, PasskeyName = name, JustAdded = true });
    }

    [HttpGet(Path + "/name"), RequireConfirmation]
    public async Task<IActionResult> Name(string? id) =>
        await FindAsync(id) is { } passkey
            ? View("Name", new PasskeyNameForm { PasskeyId = passkey.Id, PasskeyName = passkey.Name })
            : NotFound();

    [HttpPost(Path + "/name"), RequireConfirmation(FormPage = Path)]
    public async Task<IActionResult> Name(PasskeyNameForm form)
    {
        if (!ModelState.IsValid)
            return View("Name", form);
        if (!await store.RenameAsync(current.Required.Record.UserId, form.PasskeyId, form.PasskeyName.Trim()))
            return StartOver("That passkey is no longer on your account.");
        TempData.Flash("The passkey's name was saved.", FlashKind.Success);
        return Redirect(Path);
    }

    [HttpGet(Path + "/remove"), RequireConfirmation]
    public async Task<IActionResult> Remove(string? id) =>
        await FindAsync(id) is { } passkey ? View("Remove", passkey) : NotFound();

    [HttpPost(Path + "/remove"), RequireConfirmation(FormPage = Path)]
    public async Task<IActionResult> Remove(PasskeyRemoveForm form)
    {
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return Redirect("/signin");
        if (!ModelState.IsValid || !await changes.RemoveAsync(HttpContext, account, form.PasskeyId))
            return StartOver("That passkey was already removed.");
        return View("Removed");
    }

    private async Task<PasskeyListing?> FindAsync(string? id) =>
        (await store.ListAsync(current.Required.Record.UserId)).FirstOrDefault(p => p.Id == id);

    private RedirectResult StartOver(string why)
    {
        TempData.Flash(why, FlashKind.Warning);
        return Redirect(Path);
    }
}
