using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Sessions;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.Recovery;

/// <summary>A forgotten password: a link by mail, then a new password. It never signs the browser in by itself.</summary>
[PublicPage]
public sealed class PasswordRecoveryController(
    UserStore users,
    PasswordAuthenticator passwords,
    SingleUseLinks links,
    LinkRedemption redemption,
    AccountMail mail,
    LinkRequestThrottle throttle,
    SignInThrottle signInThrottle,
    Telemetry.SiteMetrics metrics,
    SecurityLog log) : Controller
{
    [HttpGet("/password/forgot")]
    public IActionResult Forgot() => View(new ForgotPasswordForm());

    /// <summary>
    /// The same answer for every address, known or not, throttled or not, after the same Redis work: the address
    /// is looked up later, by the mail sender, never here.
    /// </summary>
    [HttpPost("/password/forgot")]
    public async Task<IActionResult> Forgot(ForgotPasswordForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        if (await throttle.AllowAsync(ClientAddress.Of(HttpContext), form.Email))
            await mail.RequestPasswordResetAsync(form.Email.Trim());
        log.PasswordResetRequested(HttpContext);
        return View("ForgotSent");
    }

    [HttpGet("/password/reset")]
    public async Task<IActionResult> Reset(string? token)
    {
        if (await AccountOfAsync(await links.PeekAsync(LinkPurpose.ResetPassword, token)) is not { } account)
            return this.LinkInvalid(LinkPurpose.ResetPassword);
        ViewData["Email"] = account.Email;
        return View(new ResetPasswordForm { Token = token! });
    }

    [HttpPost("/password/reset")]
    public async Task<IActionResult> Reset(ResetPasswordForm form)
    {
        // A weak or mistyped new password is answered before the link is used up.
        if (!ModelState.IsValid)
        {
            if (await AccountOfAsync(await links.PeekAsync(LinkPurpose.ResetPassword, form.Token)) is not { } pending)
                return this.LinkInvalid(LinkPurpose.ResetPassword);
            ViewData["Email"] = pending.Email;
            return View(form);
        }
        if (await AccountOfAsync(await links.PeekAsync(LinkPurpose.ResetPassword, form.Token)) is not { } account)
            return this.LinkInvalid(LinkPurpose.ResetPassword);

        // Hashed before the link is touched: a busy refusal (503) leaves it working for the retry.
        var passwordHash = await passwords.HashAsync(account, form.NewPassword);
        // One step in the account's slot: the link and its stamp checked, the password written, the stamp moved,
        // every session ended, the link used up. Refused if anything moved on since the look above.
        if (await redemption.ResetPasswordAsync(form.Token, passwordHash) is not { } ended)
            return this.LinkInvalid(LinkPurpose.ResetPassword);
        metrics.SessionsEnded(Telemetry.MetricTags.PasswordReset, ended);
        // The mailbox is proved: whatever paused sign-in must not keep the new password out.
        await signInThrottle.ClearAccountAsync(account.Email);
        await mail.NoticePasswordResetAsync(account.Email);
        log.PasswordReset(HttpContext, account.Id);
        TempData.Flash("Your password has been reset. Please sign in.", FlashKind.Success);
        return Redirect("/signin");
    }

    /// <summary>The account a live link resets; null once its credentials changed (the stamp moved) or it is gone.</summary>
    private async Task<Account?> AccountOfAsync(LinkClaim? claim) =>
        claim is not null && await users.FindByIdAsync(claim.UserId) is { } account && account.CredentialStamp == claim.CredentialStamp
            ? account
            : null;
}
