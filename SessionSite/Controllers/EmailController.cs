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
[PublicPage]
public sealed class EmailController(
    UserStore users,
    EmailChangeCommit commit,
    SingleUseLinks links,
    LinkRedemption redemption,
    AccountMail mail,
    LinkRequestThrottle linkThrottle,
    SessionList sessions,
    CurrentSession current,
    TimeProvider clock,
    SecurityLog log,
    Overview.AccountOverviewReader overview) : Controller
{
    [HttpGet("/email/verify")]
    public async Task<IActionResult> Verify(string? token)
    {
        // Bound to the address it confirms: refused once the account moved to another one or is gone.
        if (!LinkToken.TryParse(token, out var link) || await redemption.VerifyEmailAsync(token) is not { } version)
            return LinkInvalid(LinkPurpose.VerifyEmail);
        await sessions.RewriteAllAsync(link.UserId, record => record with { EmailVerified = true, ProfileVersion = version });
        log.EmailVerified(HttpContext, link.UserId);
        TempData.Flash("Your email address is confirmed.", FlashKind.Success);
        return Redirect("/profile");
    }

    /// <summary>
    /// Signed in: a new link for the session's own address. Signed out: the same answer for any address, after the
    /// same Redis work: the address is looked up later, by the mail sender, never here (as for a password reset).
    /// </summary>
    [HttpPost("/email/verify/resend")]
    public async Task<IActionResult> Resend(ResendVerificationForm form)
    {
        var signedIn = await current.GetAsync(HttpContext);
        var email = signedIn?.Record.Email ?? form.Email;
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(email) && await linkThrottle.AllowAsync(ClientAddress.Of(HttpContext), email))
        {
            if (signedIn is null)
                await mail.RequestVerificationAsync(email.Trim());
            else if (await users.FindByEmailAsync(email) is { EmailVerified: false } account)
                await mail.SendVerificationAsync(account);
        }
        if (signedIn is null)
            return View("CheckInbox");
        TempData.Flash($"We've sent a new confirmation link to {email}.");
        return Redirect("/profile");
    }

    /// <summary>Reads the account beside the session (one script) to show a pending change with "send again" and "cancel".</summary>
    [RequireSession, RequireConfirmation]
    [HttpGet("/account/email")]
    public async Task<IActionResult> Change()
    {
        var record = current.Required.Record;
        ViewData[PendingEmailKey] = await overview.ReadAsync(record.UserId, record.CreatedAt);
        return View(new ChangeEmailForm());
    }

    public const string PendingEmailKey = "AccountOverview";

    /// <summary>Cancels a pending email change: its link is deleted, so opening it later answers "link invalid".</summary>
    [RequireSession]
    [HttpPost("/account/email/cancel")]
    public async Task<IActionResult> CancelChange()
    {
        var cancelled = await links.CancelAsync(LinkPurpose.ChangeEmail, current.Required.Record.UserId);
        TempData.Flash(cancelled > 0 ? "The email change was cancelled; its link no longer works." : "There was no email change waiting.",
            cancelled > 0 ? FlashKind.Success : FlashKind.Info);
        return Redirect("/account");
    }

    [RequireSession, RequireConfirmation(FormPage = "/account/email")]
    [HttpPost("/account/email")]
    public async Task<IActionResult> Change(ChangeEmailForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return Redirect("/signin");
        if (EmailAddress.Normalize(form.NewEmail) == EmailAddress.Normalize(account.Email))
        {
            ModelState.AddModelError(nameof(form.NewEmail), "That is already your email address.");
            return View(form);
        }
        // Past a limit nothing is sent, and the page answers as ever: the limit must not tell anyone anything.
        if (await linkThrottle.AllowEmailChangeAsync(ClientAddress.Of(HttpContext), account.Id, form.NewEmail))
            await mail.SendEmailChangeAsync(account, form.NewEmail.Trim());
        log.EmailChangeRequested(HttpContext, account.Id);
        TempData.Flash($"We've sent a link to {form.NewEmail.Trim()}. Your address changes when you open it, within an hour.");
        return Redirect("/profile");
    }

    [HttpGet("/email/confirm")]
    public async Task<IActionResult> Confirm(string? token)
    {
        var claim = await links.PeekAsync(LinkPurpose.ChangeEmail, token);
        if (claim?.PreviousEmail is null)
            return LinkInvalid(LinkPurpose.ChangeEmail);
        var at = clock.GetUtcNow();
        // Bound to the credential stamp and the old address, both checked in the step that moves the account: a link
        // asked for by someone who knew the password dies when the owner changes it or signs out everywhere.
        var (result, version) = await commit.CommitAsync(claim.UserId, claim.PreviousEmail, claim.Email, () => redemption.ChangeEmailAsync(token));
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
