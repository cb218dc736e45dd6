using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Sessions;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.Settings;

/// <summary>Moving the account to a new address: asked for here, done when the mailed link is opened.</summary>
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
    /// <summary>Reads the account beside the session (one script) to show a pending change with "send again" and "cancel".</summary>
    [RequireSession, RequireConfirmation]
    [HttpGet("/account/email")]
    public async Task<IActionResult> Change()
    {
        var record = current.Required.Record;
        ViewData[PendingEmailKey] = await overview.ReadAsync(record.UserId, record.CreatedAt);
        return View("ChangeEmail", new ChangeEmailForm());
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
            return View("ChangeEmail", form);
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return Redirect("/signin");
        if (EmailAddress.Normalize(form.NewEmail) == EmailAddress.Normalize(account.Email))
        {
            ModelState.AddModelError(nameof(form.NewEmail), "That is already your email address.");
            return View("ChangeEmail", form);
        }
        // Past a limit nothing is sent, and the page answers as ever: the limit must not tell anyone anything.
        if (await linkThrottle.AllowEmailChangeAsync(ClientAddress.Of(HttpContext), account.Id, form.NewEmail))
            await mail.SendEmailChangeAsync(account, form.NewEmail.Trim());
        log.EmailChangeRequested(HttpContext, account.Id, form.NewEmail);
        TempData.Flash($"We've sent a link to {form.NewEmail.Trim()}. Your address changes when you open it, within an hour.");
        return Redirect("/profile");
    }

    [HttpGet("/email/confirm")]
    public async Task<IActionResult> Confirm(string? token)
    {
        var claim = await links.PeekAsync(LinkPurpose.ChangeEmail, token);
        if (claim?.PreviousEmail is null)
            return this.LinkInvalid(LinkPurpose.ChangeEmail);
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
                return this.LinkInvalid(LinkPurpose.ChangeEmail);
        }
        await sessions.RewriteAllAsync(claim.UserId, record => record with { Email = claim.Email, EmailVerified = true, ProfileVersion = version });
        await mail.NoticeEmailChangedAsync(claim.PreviousEmail, claim.Email,
            new RecoverableEvent(claim.UserId, RecoverableKind.EmailChanged, at, OldEmail: claim.PreviousEmail));
        await mail.NoticeEmailVerifiedAsync(claim.Email);
        log.EmailChanged(HttpContext, claim.UserId, claim.PreviousEmail, claim.Email);
        TempData.Flash($"Your email address is now {claim.Email}.", FlashKind.Success);
        return Redirect("/profile");
    }
}
