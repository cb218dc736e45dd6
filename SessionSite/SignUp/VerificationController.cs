using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Sessions;
using SessionSite.Shared;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.SignUp;

/// <summary>Proving the address an account signed up with, by the mailed link, and sending that link again.</summary>
[PublicPage]
public sealed class VerificationController(
    UserStore users,
    LinkRedemption redemption,
    AccountMail mail,
    LinkRequestThrottle linkThrottle,
    SessionList sessions,
    CurrentSession current,
    IOptions<ThrottlingOptions> throttling,
    SecurityLog log) : Controller
{
    [HttpGet("/email/verify")]
    public async Task<IActionResult> Verify(string? token)
    {
        // Bound to the address it confirms: refused once the account moved to another one or is gone.
        if (!LinkToken.TryParse(token, out var link) || await redemption.VerifyEmailAsync(token) is not { } version)
            return await AlreadyConfirmedAsync() ?? this.LinkInvalid(LinkPurpose.VerifyEmail);
        await sessions.RewriteAllAsync(link.UserId, record => record with { EmailVerified = true, ProfileVersion = version });
        log.EmailVerified(HttpContext, link.UserId);
        TempData.Flash("Your email address is confirmed.", FlashKind.Success);
        return Redirect("/profile");
    }

    /// <summary>
    /// Signed in: a new link for the session's own address, and the truth about it (sent, already confirmed, or the
    /// limit reached): the person owns that address. Signed out: the same answer for any address, after the same
    /// Redis work: the address is looked up later, by the mail sender, never here (as for a password reset).
    /// </summary>
    [HttpPost("/email/verify/resend")]
    public async Task<IActionResult> Resend(ResendVerificationForm form)
    {
        var signedIn = await current.GetAsync(HttpContext);
        if (signedIn is not null)
            return await ResendToOwnAddressAsync(signedIn.Record);
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(form.Email) && await linkThrottle.AllowAsync(ClientAddress.Of(HttpContext), form.Email))
            await mail.RequestVerificationAsync(form.Email.Trim());
        return View("CheckInbox");
    }

    private async Task<IActionResult> ResendToOwnAddressAsync(SessionRecord record)
    {
        if (await users.FindByIdAsync(record.UserId) is not { EmailVerified: false } account)
            TempData.Flash("Your email address is already confirmed.", FlashKind.Success);
        else if (!await linkThrottle.AllowAsync(ClientAddress.Of(HttpContext), account.Email))
            TempData.Flash($"We didn't send another link: an address gets at most {throttling.Value.LinkRequestsPerAddress} links in {TimeText.Duration(throttling.Value.LinkRequestWindow)}. "
                + "Open the newest one we sent, or try again later.", FlashKind.Warning);
        else
        {
            await mail.SendVerificationAsync(account);
            TempData.Flash($"We've sent a new confirmation link to {account.Email}.");
        }
        return Redirect("/profile");
    }

    /// <summary>A used link opened by someone signed in whose address is confirmed: what they wanted is done.</summary>
    private async Task<IActionResult?> AlreadyConfirmedAsync()
    {
        if (await current.GetOrAnonymousAsync(HttpContext) is not { Record: { IsSignedIn: true, EmailVerified: true } record })
            return null;
        TempData.Flash($"Your email address, {record.Email}, is already confirmed.", FlashKind.Success);
        return Redirect("/profile");
    }
}
