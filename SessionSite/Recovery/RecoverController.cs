using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Sessions;

namespace SessionSite.Recovery;

/// <summary>
/// "This wasn't me": a signed-out page reached from a notice. Opening the link only explains; its form undoes the
/// change (<see cref="AccountRecovery"/>) and mails a reset link to the account's own address.
/// </summary>
[PublicPage]
public sealed class RecoverController(
    RecoverLinks links,
    AccountRecovery recovery,
    UserStore users,
    PasswordAuthenticator passwords,
    AccountMail mail,
    SessionLifecycle lifecycle,
    Telemetry.SiteMetrics metrics,
    SecurityLog log) : Controller
{
    [HttpGet("/account/recover")]
    public async Task<IActionResult> Confirm(string? token)
    {
        if (await links.PeekAsync(token) is not { } claim || await users.FindByIdAsync(claim.Link.UserId) is not { } account)
            return this.LinkInvalid(LinkPurpose.Recover);
        // Only an address the account has left since the notice is "put back"; the one it still has is just kept.
        var addressBack = claim.OldEmail is { } mailedTo && EmailAddress.Normalize(mailedTo) != EmailAddress.Normalize(account.Email) ? mailedTo : null;
        return View("Confirm", new RecoverConfirmation(new RecoverForm { Token = token! }, RecoverableKind.Describe(claim.Kind), claim.At, addressBack));
    }

    [HttpPost("/account/recover")]
    [BusyBeforeHashing]
    public async Task<IActionResult> Recover(RecoverForm form)
    {
        if (!ModelState.IsValid || await links.PeekAsync(form.Token) is not { } claim
            || await users.FindByIdAsync(claim.Link.UserId) is not { } account || !await recovery.CanRestoreAsync(claim))
            return this.LinkInvalid(LinkPurpose.Recover);
        // Hashed before the atomic step, so a busy answer never uses the link up: a hash of 32 random bytes nobody
        // ever sees, so no password verifies, while a sign-in still pays the usual hashing time.
        var retired = await passwords.HashAsync(account, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        if (await recovery.RecoverAsync(claim, retired) is not { } outcome)
            return this.LinkInvalid(LinkPurpose.Recover);
        metrics.SessionsEnded(Telemetry.MetricTags.AccountRecovered, outcome.SessionsEnded);
        if (await users.FindByIdAsync(account.Id) is { } recovered)
            await mail.SendRecoveredResetAsync(recovered);
        log.AccountRecovered(HttpContext, account.Id);
        lifecycle.ForgetBrowserSession(HttpContext);
        return View("Done");
    }
}
