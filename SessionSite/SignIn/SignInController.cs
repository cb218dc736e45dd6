using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Devices;
using SessionSite.Flash;
using SessionSite.Sessions;
using SessionSite.SignUp;
using SessionSite.Telemetry;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.SignIn;

/// <summary>Signing in with an email address and password; the second step, if any, is <see cref="TwoStepSignInController"/>.</summary>
[PublicPage]
public sealed class SignInController(
    UserStore users,
    PasswordAuthenticator authenticator,
    SessionLifecycle sessions,
    SignInThrottle throttle,
    NewDeviceNotice devices,
    IOptions<AccountOptions> options,
    SiteMetrics metrics,
    SecurityLog log) : Controller
{
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

    private ViewResult TooManyAttempts(TimeSpan wait, string? userId)
    {
        log.SignInThrottled(HttpContext, wait, userId);
        return View("TooManyAttempts", RetryLater.RefuseForSeconds(Response, StatusCodes.Status429TooManyRequests, wait));
    }
}
