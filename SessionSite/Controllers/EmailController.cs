using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Models;
using SessionSite.Recovery;
using SessionSite.Sessions;
using SessionSite.Throttling;

namespace SessionSite.Controllers;

/// <summary>Proving an address (verification) and moving to a new one (email change): both by a mailed link.</summary>
public sealed class EmailController(
    UserStore users,
    CurrentPasswordCheck check,
    SingleUseLinks links,
    AccountMail mail,
    LinkRequestThrottle linkThrottle,
    SessionStore sessions,
    CurrentSession current,
    TimeProvider clock,
    SecurityLog log) : Controller
{
    [HttpGet("/email/verify")]
    public async Task<IActionResult> Verify(string? token)
    {
        var claim = await links.RedeemAsync(LinkPurpose.VerifyEmail, token);
        if (claim is null || await users.MarkEmailVerifiedAsync(claim.UserId, claim.Email) is not { } version)
            return LinkInvalid(LinkPurpose.VerifyEmail);
        await sessions.RewriteAllAsync(claim.UserId, record => record with { EmailVerified = true, ProfileVersion = version });
        log.EmailVerified(HttpContext, claim.UserId);
        TempData.Flash("Your email address is confirmed.", FlashKind.Success);
        return Redirect("/profile");
    }

    /// <summary>Signed in: a new link for the session's own address. Signed out: the same answer for any address.</summary>
    [HttpPost("/email/verify/resend")]
    public async Task<IActionResult> Resend(ResendVerificationForm form)
    {
        var signedIn = await current.GetAsync(HttpContext);
        var email = signedIn?.Record.Email ?? form.Email;
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(email)
            && await linkThrottle.AllowAsync(ClientAddress.Of(HttpContext), email)
            && await users.FindByEmailAsync(email) is { EmailVerified: false } account)
            await mail.SendVerificationAsync(account);
        if (signedIn is null)
            return View("CheckInbox");
        TempData.Flash($"We've sent a new confirmation link to {email}.");
        return Redirect("/profile");
    }

    [RequireSession]
    [HttpGet("/account/email")]
    public IActionResult Change() => View(new ChangeEmailForm());

    [RequireSession]
    [HttpPost("/account/email")]
    public async Task<IActionResult> Change(ChangeEmailForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        var mine = current.Required.Record;
        if (await check.VerifyAsync(this, mine, form.CurrentPassword, nameof(form.CurrentPassword)) is not { } account)
            return View(form);
        if (EmailAddress.Normalize(form.NewEmail) == EmailAddress.Normalize(account.Email))
        {
            ModelState.AddModelError(nameof(form.NewEmail), "That is already your email address.");
            return View(form);
        }
        await mail.SendEmailChangeAsync(account, form.NewEmail.Trim());
        log.EmailChangeRequested(HttpContext, account.Id);
        TempData.Flash($"We've sent a link to {form.NewEmail.Trim()}. Your address changes when you open it, within an hour.");
        return Redirect("/profile");
    }

    [HttpGet("/email/confirm")]
    public async Task<IActionResult> Confirm(string? token)
    {
        var claim = await links.RedeemAsync(LinkPurpose.ChangeEmail, token);
        if (claim?.PreviousEmail is null)
            return LinkInvalid(LinkPurpose.ChangeEmail);
        var at = clock.GetUtcNow();
        var (result, version) = await users.ChangeEmailAsync(claim.UserId, claim.PreviousEmail, claim.Email);
        switch (result)
        {
            case EmailChangeResult.Taken:
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("EmailTaken", claim.Email);
            case EmailChangeResult.Stale:
                return LinkInvalid(LinkPurpose.ChangeEmail);
        }
        await sessions.RewriteAllAsync(claim.UserId, record => record with { Email = claim.Email, EmailVerified = true, ProfileVersion = version });
        await mail.NoticeEmailChangedAsync(claim.PreviousEmail, claim.Email,
            new RecoverableEvent(claim.UserId, RecoverableKind.EmailChanged, at, OldEmail: claim.PreviousEmail));
        await mail.NoticeEmailVerifiedAsync(claim.Email);
        log.EmailChanged(HttpContext, claim.UserId);
        TempData.Flash($"Your email address is now {claim.Email}.", FlashKind.Success);
        return Redirect("/profile");
    }

    private ViewResult LinkInvalid(LinkPurpose purpose)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("LinkInvalid", purpose);
    }
}
