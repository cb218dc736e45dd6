using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Devices;
using SessionSite.Flash;
using SessionSite.Mail;
using SessionSite.Sessions;
using SessionSite.Telemetry;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.SignUp;

[PublicPage]
public sealed class SignUpController(
    UserStore users,
    PasswordAuthenticator authenticator,
    SessionLifecycle sessions,
    SignUpThrottle signUpThrottle,
    LinkRequestThrottle linkThrottle,
    AccountMail mail,
    NewDeviceNotice devices,
    IOptions<AccountOptions> options,
    SecurityLog log) : Controller
{
    [HttpGet("/signup")]
    public IActionResult SignUp() => View(new SignUpForm());

    [HttpPost("/signup")]
    [BusyBeforeHashing]
    [EnableRateLimiting(ThrottlingServiceCollectionExtensions.SignUpPolicy)]
    public async Task<IActionResult> SignUp(SignUpForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        var ip = ClientAddress.Of(HttpContext);
        if (await signUpThrottle.WaitAsync(ip) is { } wait)
        {
            RetryLater.RefuseForSeconds(Response, StatusCodes.Status429TooManyRequests, wait);
            return View("SignUpLimited", WaitText.Of(wait));
        }
        var account = await users.CreateAsync(form.Email, form.DisplayName, draft => authenticator.HashAsync(draft, form.Password));
        if (account is not null)
            await signUpThrottle.RecordAsync(ip);
        if (options.Value.RequireVerifiedEmail)
            return await CheckInboxAsync(form, account);
        if (account is null)
        {
            ModelState.AddModelError(nameof(form.Email), "An account with this email already exists.");
            ViewData["SignInInstead"] = $"/signin?email={Uri.EscapeDataString(form.Email.Trim())}";
            return View(form);
        }
        log.SignedUp(HttpContext, account.Id);
        await mail.SendVerificationAsync(account);
        if (!await sessions.SignInAsync(HttpContext, account, persistent: false, startedBy: MetricTags.SignUp))
            return Redirect("/signin");
        await devices.SignedUpAsync(HttpContext, account);
        TempData.Flash($"Welcome, {account.DisplayName}! We've sent a confirmation link to {account.Email}: open it to confirm your address.", FlashKind.Success);
        return Redirect("/profile");
    }

    /// <summary>
    /// Registration that reveals nothing: a new address gets its confirmation link, a registered one a warning
    /// that someone tried, and the page is the same either way. Nobody is signed in until the address is proved.
    /// </summary>
    private async Task<ViewResult> CheckInboxAsync(SignUpForm form, Account? created)
    {
        await devices.SignedUpAsync(HttpContext, created);
        if (created is not null)
        {
            log.SignedUp(HttpContext, created.Id);
            await mail.SendVerificationAsync(created);
        }
        else if (await users.FindByEmailAsync(form.Email) is { } existing && await linkThrottle.AllowSignUpNoticeAsync(existing.Email))
        {
            await mail.NoticeSignUpAttemptAsync(existing.Email);
        }
        return View("CheckInbox");
    }
}
