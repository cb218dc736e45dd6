using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Devices;
using SessionSite.Flash;
using SessionSite.Models;
using SessionSite.Recovery;
using SessionSite.Sessions;
using SessionSite.Telemetry;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.Controllers;

[PublicPage]
public sealed class AccountController(
    UserStore users,
    PasswordAuthenticator authenticator,
    SessionLifecycle sessions,
    SignInThrottle throttle,
    SignUpThrottle signUpThrottle,
    LinkRequestThrottle linkThrottle,
    AccountMail mail,
    NewDeviceNotice devices,
    IOptions<AccountOptions> options,
    SiteMetrics metrics,
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

    [HttpGet("/signin")]
    public IActionResult SignIn(string? returnUrl, string? email) => View(new SignInForm { ReturnUrl = returnUrl, Email = email ?? "" });

    [HttpPost("/signin")]
    [BusyBeforeHashing(SignInMethod = MetricTags.Password)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        if (!ModelState.IsValid)
            return View(form);
        // Decided before any session exists, so no sign-in can create a session and then fail on its redirect.
        var next = ReturnUrl.ToLocalLocation(form.ReturnUrl, Url.IsLocalUrl) ?? "/profile";
        var attempt = await throttle.BeginAsync(ClientAddress.Of(HttpContext), form.Email);
        if (attempt.Wait is { } wait)
        {
            metrics.SignInAttempt(MetricTags.Password, MetricTags.Throttled);
            return TooManyAttempts(wait, (await users.FindByEmailAsync(form.Email))?.Id);
        }

        var check = await attempt.CheckAsync(() => authenticator.CheckAsync(form.Email, form.Password));
        var account = check.Verified;
        if (account is not null)
            await devices.AdoptSignedInBrowserAsync(HttpContext, account);
        if (account is { EmailVerified: false } && options.Value.RequireVerifiedEmail)
        {
            await attempt.SucceededAsync();
            return View("VerifyFirst", new ResendVerificationForm { Email = account.Email });
        }
        if (account is { TwoStepSecret: not null })
        {
            // The password is right; the session stays half-way (not authenticated, 5 minutes) until the second step.
            await attempt.SucceededAsync();
            if (!await sessions.SignInAsync(HttpContext, account, form.RememberMe, authenticated: false))
                return View(form);
            metrics.SignInAttempt(MetricTags.Password, MetricTags.SecondStepRequired);
            return Redirect($"/signin/two-step?returnUrl={Uri.EscapeDataString(next)}");
        }
        if (account is null || !await sessions.SignInAsync(HttpContext, account, form.RememberMe, startedBy: MetricTags.Password))
        {
            metrics.SignInAttempt(MetricTags.Password, MetricTags.WrongPassword);
            log.SignInFailed(HttpContext, check.Found?.Id);
            await attempt.FailedAsync();
            ModelState.AddModelError("", "The email or password is incorrect.");
            return View(form);
        }
        await attempt.SucceededAsync();
        metrics.SignInAttempt(MetricTags.Password, MetricTags.Success);
        log.SignInSucceeded(HttpContext, account.Id, SignInMethod.Password);
        await devices.SignedInAsync(HttpContext, account);
        TempData.Flash($"Welcome, {account.DisplayName}!", FlashKind.Success);
        return Redirect(next);
    }

    /// <summary>A link or a typed address lands on a page with the button (as GitHub's /logout): a GET signs nobody out.</summary>
    [HttpGet("/signout")]
    [AllowHalfSignedIn]
    public IActionResult SignOutPage() => View("SignOut");

    [HttpPost("/signout")]
    [AllowHalfSignedIn]
    public async Task<IActionResult> SignOutOfSite()
    {
        await sessions.SignOutAsync(HttpContext);
        TempData.Flash("You have been signed out.");
        return Redirect("/");
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

    private ViewResult TooManyAttempts(TimeSpan wait, string? userId)
    {
        log.SignInThrottled(HttpContext, wait, userId);
        return View("TooManyAttempts", RetryLater.RefuseForSeconds(Response, StatusCodes.Status429TooManyRequests, wait));
    }
}
