using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Devices;
using SessionSite.Flash;
using SessionSite.Passkeys;
using SessionSite.Sessions;
using SessionSite.SignUp;
using SessionSite.Telemetry;
using SessionSite.Web;

namespace SessionSite.SignIn;

/// <summary>
/// Signing in with a passkey from /signin: one step, no password and no second step (the passkey verified its
/// user), never behind the password-hashing queue. "Remember me" and "confirm your email first" as for a password.
/// </summary>
[PublicPage]
public sealed class PasskeySignInController(
    PasskeyAssertions assertions,
    SessionLifecycle sessions,
    NewDeviceNotice devices,
    IOptions<AccountOptions> accountOptions,
    SiteMetrics metrics,
    SecurityLog log) : Controller
{
    private const string SignInView = "SignIn";

    /// <summary>A challenge sealed in this browser's cookie: nothing is written to Redis before an answer comes.</summary>
    [HttpPost("/signin/passkey/options"), EnableRateLimiting(PasskeyServiceCollectionExtensions.OptionsPolicy)]
    public async Task<IActionResult> Options() => Content(await assertions.BeginAsync(HttpContext, PasskeyAssertions.SignIn), "application/json");

    [HttpPost("/signin/passkey")]
    public async Task<IActionResult> SignIn(PasskeySignInForm form)
    {
        var next = ReturnUrl.ToLocalLocation(form.ReturnUrl, Url.IsLocalUrl) ?? "/profile";
        if (!ModelState.IsValid || string.IsNullOrEmpty(form.CredentialJson))
            return Refused(form, "Signing in with a passkey needs JavaScript in this browser. Sign in with your password instead.");
        var outcome = await assertions.FinishAsync(HttpContext, PasskeyAssertions.SignIn, form.CredentialJson);
        if (outcome.Wait is { } wait)
        {
            metrics.SignInAttempt(MetricTags.Passkey, MetricTags.Throttled);
            log.SignInThrottled(HttpContext, wait);
            return View("TooManyAttempts", RetryLater.RefuseForSeconds(Response, StatusCodes.Status429TooManyRequests, wait));
        }
        if (outcome.Account is not { } account)
        {
            metrics.SignInAttempt(MetricTags.Passkey, MetricTags.PasskeyRefused);
            return Refused(form, "That passkey was not accepted. Try again, or sign in with your password.");
        }
        await devices.AdoptSignedInBrowserAsync(HttpContext, account);
        if (account is { EmailVerified: false } && accountOptions.Value.RequireVerifiedEmail)
            return View("VerifyFirst", new ResendVerificationForm { Email = account.Email });
        if (!await sessions.SignInAsync(HttpContext, account, form.RememberMe, startedBy: MetricTags.Passkey, usedPasskey: true))
            return Refused(form, "Your account's sign-in settings changed just now. Try again.");
        metrics.SignInAttempt(MetricTags.Passkey, MetricTags.Success);
        log.SignInSucceeded(HttpContext, account.Id, SignInMethod.Passkey);
        await devices.SignedInAsync(HttpContext, account);
        TempData.Flash($"Welcome, {account.DisplayName}!", FlashKind.Success);
        return Redirect(next);
    }

    private ViewResult Refused(PasskeySignInForm form, string why)
    {
        ModelState.Clear();
        ModelState.AddModelError("", why);
        return View(SignInView, new SignInForm { ReturnUrl = form.ReturnUrl, RememberMe = form.RememberMe });
    }
}
