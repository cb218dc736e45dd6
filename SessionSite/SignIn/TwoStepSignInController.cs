using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Devices;
using SessionSite.Flash;
using SessionSite.Passkeys;
using SessionSite.Sessions;
using SessionSite.Telemetry;
using SessionSite.Throttling;
using SessionSite.TwoStep;
using SessionSite.Web;

namespace SessionSite.SignIn;

/// <summary>
/// The second step of a sign-in: an authenticator code, a recovery code, or one of the account's passkeys. Only a half-way session (password
/// right, <c>Authenticated</c> false) gets here; success replaces it with a fresh, authenticated one.
/// </summary>
[AllowHalfSignedIn]
public sealed class TwoStepSignInController(
    CurrentSession current,
    UserStore users,
    AuthenticatorCodes codes,
    TwoStepStorage twoStep,
    PasskeyAssertions passkeys,
    SecondStepThrottle throttle,
    SessionLifecycle sessions,
    NewDeviceNotice devices,
    SiteMetrics metrics,
    SecurityLog log,
    RecoveryCodeUse recoveryCodeUse)
    : Controller
{
    private const string TwoStepView = "TwoStep";

    private enum SecondFactor { AppCode, RecoveryCode, Passkey }

    [HttpGet("/signin/two-step")]
    public async Task<IActionResult> Index(string? returnUrl) =>
        await HalfSessionAsync() is null ? Redirect("/signin") : View(TwoStepView, new TwoStepSignInForm { ReturnUrl = returnUrl });

    [HttpPost("/signin/two-step")]
    public Task<IActionResult> Code(TwoStepSignInForm form) => CompleteAsync(form, SecondFactor.AppCode);

    [HttpPost("/signin/two-step/recovery")]
    public Task<IActionResult> Recovery(TwoStepSignInForm form) => CompleteAsync(form, SecondFactor.RecoveryCode);

    /// <summary>Request options listing only the half-way session's own user's passkeys; the challenge sealed in this browser's cookie.</summary>
    [HttpPost("/signin/two-step/passkey/options"), EnableRateLimiting(PasskeyServiceCollectionExtensions.OptionsPolicy)]
    public async Task<IActionResult> PasskeyOptions()
    {
        if (await HalfSessionAsync() is not { } half || await users.FindByIdAsync(half.UserId) is not { } account)
            return Redirect("/signin");
        return Content(await passkeys.BeginAsync(HttpContext, PasskeyAssertions.SecondStep, account), "application/json");
    }

    /// <summary>A passkey in place of the code: refused unless it is the half-way user's own, and counted like a wrong code when refused.</summary>
    [HttpPost("/signin/two-step/passkey")]
    public async Task<IActionResult> Passkey(PasskeyStepForm form)
    {
        var page = new TwoStepSignInForm { ReturnUrl = form.ReturnUrl };
        if (ModelState.IsValid && !string.IsNullOrEmpty(form.CredentialJson))
            return await CompleteAsync(page, SecondFactor.Passkey, form.CredentialJson);
        if (await HalfSessionAsync() is null)
            return Redirect("/signin");
        // A click without JavaScript sends no assertion: said so, and not counted as a wrong answer.
        ModelState.Clear();
        ModelState.AddModelError(PasskeyStepForm.ErrorKey, "Using a passkey needs JavaScript in this browser. Enter the code from your app instead.");
        return View(TwoStepView, page);
    }

    private async Task<IActionResult> CompleteAsync(TwoStepSignInForm form, SecondFactor factor, string? credentialJson = null)
    {
        if (await HalfSessionAsync() is not { } half)
            return Redirect("/signin");
        var next = ReturnUrl.ToLocalLocation(form.ReturnUrl, Url.IsLocalUrl) ?? "/profile";
        var method = factor switch
        {
            SecondFactor.RecoveryCode => MetricTags.RecoveryCode,
            SecondFactor.Passkey => MetricTags.Passkey,
            _ => MetricTags.Totp,
        };
        // Wrong codes count in their own window, which a right password does not clear; past it the half-way session ends.
        var attempt = await throttle.BeginAsync(ClientAddress.Of(HttpContext), half.UserId);
        if (attempt.Wait is { } wait)
        {
            log.SignInThrottled(HttpContext, wait, half.UserId);
            metrics.SignInAttempt(method, MetricTags.Throttled);
            await sessions.SignOutAsync(HttpContext, MetricTags.SecondStepLocked);
            return View("TooManyAttempts", RetryLater.RefuseForSeconds(Response, StatusCodes.Status429TooManyRequests, wait));
        }
        var account = await users.FindByIdAsync(half.UserId);
        if (account?.TwoStepSecret is null)
        {
            await sessions.SignOutAsync(HttpContext);
            return Redirect("/signin");
        }
        var passed = factor switch
        {
            SecondFactor.RecoveryCode => await twoStep.UseRecoveryCodeAsync(account.Id, form.RecoveryCode),
            SecondFactor.Passkey => (await passkeys.VerifyAsync(HttpContext, PasskeyAssertions.SecondStep, credentialJson, account.Id)).Account is not null,
            _ => codes.MatchingStep(account.TwoStepSecret, form.Code) is { } step && await twoStep.ClaimStepAsync(account.Id, step),
        };
        if (!passed)
        {
            log.TwoStep(HttpContext, account.Id, ActivityEvent.SecondStepFailed);
            metrics.SignInAttempt(method, MetricTags.SecondStepFailed);
            if (await throttle.FailedAsync(attempt, account))
                log.TwoStep(HttpContext, account.Id, ActivityEvent.SecondStepLocked);
            var (field, message) = factor switch
            {
                SecondFactor.RecoveryCode => (nameof(form.RecoveryCode), "That recovery code is not right, or was used already."),
                SecondFactor.Passkey => (PasskeyStepForm.ErrorKey, "That passkey was not accepted. Use a passkey of this account, or enter the code from your app."),
                _ => (nameof(form.Code), "That code is not right. Enter the code your app shows now."),
            };
            ModelState.AddModelError(field, message);
            return View(TwoStepView, form);
        }
        await throttle.SucceededAsync(attempt);
        if (!await sessions.SignInAsync(HttpContext, account, half.Persistent, passedTwoStep: true, startedBy: method,
                usedPasskey: factor == SecondFactor.Passkey))
            return Redirect("/signin");
        metrics.SignInAttempt(method, MetricTags.Success);
        log.SignInSucceeded(HttpContext, account.Id, factor switch
        {
            SecondFactor.RecoveryCode => SignInMethod.PasswordAndRecoveryCode,
            SecondFactor.Passkey => SignInMethod.PasswordAndPasskey,
            _ => SignInMethod.PasswordAndAuthenticator,
        });
        await devices.SignedInAsync(HttpContext, account);
        if (factor == SecondFactor.RecoveryCode)
            TempData.Flash($"Welcome, {account.DisplayName}! {await recoveryCodeUse.RecordAsync(HttpContext, account)}", FlashKind.Warning);
        else
            TempData.Flash($"Welcome, {account.DisplayName}!", FlashKind.Success);
        return Redirect(next);
    }

    private async Task<SessionRecord?> HalfSessionAsync() =>
        await current.GetAsync(HttpContext) is { Record.Stage: SignInStage.PasswordOnly } half ? half.Record : null;
}
