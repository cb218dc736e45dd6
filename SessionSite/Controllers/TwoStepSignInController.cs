using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Devices;
using SessionSite.Flash;
using SessionSite.Models;
using SessionSite.Sessions;
using SessionSite.Telemetry;
using SessionSite.Throttling;
using SessionSite.TwoStep;
using SessionSite.Web;

namespace SessionSite.Controllers;

/// <summary>
/// The second step of a sign-in: an authenticator code, or a recovery code. Only a half-way session (password
/// right, <c>Authenticated</c> false) gets here; success replaces it with a fresh, authenticated one.
/// </summary>
[AllowHalfSignedIn]
public sealed class TwoStepSignInController(
    CurrentSession current, UserStore users, AuthenticatorCodes codes, TwoStepStorage twoStep, SecondStepThrottle throttle, SessionLifecycle sessions, NewDeviceNotice devices, SiteMetrics metrics, SecurityLog log)
    : Controller
{
    [HttpGet("/signin/two-step")]
    public async Task<IActionResult> Index(string? returnUrl) =>
        await HalfSessionAsync() is null ? Redirect("/signin") : View(new TwoStepSignInForm { ReturnUrl = returnUrl });

    [HttpPost("/signin/two-step")]
    public Task<IActionResult> Code(TwoStepSignInForm form) => CompleteAsync(form, usingRecoveryCode: false);

    [HttpPost("/signin/two-step/recovery")]
    public Task<IActionResult> Recovery(TwoStepSignInForm form) => CompleteAsync(form, usingRecoveryCode: true);

    private async Task<IActionResult> CompleteAsync(TwoStepSignInForm form, bool usingRecoveryCode)
    {
        if (await HalfSessionAsync() is not { } half)
            return Redirect("/signin");
        var next = ReturnUrl.ToLocalLocation(form.ReturnUrl, Url.IsLocalUrl) ?? "/profile";
        var method = usingRecoveryCode ? MetricTags.RecoveryCode : MetricTags.Totp;
        // Wrong codes count in their own window, which a right password does not clear; past it the half-way session ends.
        var attempt = await throttle.BeginAsync(ClientAddress.Of(HttpContext), half.UserId);
        if (attempt.Wait is { } wait)
        {
            log.SignInThrottled(HttpContext, wait, half.UserId);
            metrics.SignInAttempt(method, MetricTags.Throttled);
            await sessions.SignOutAsync(HttpContext, MetricTags.SecondStepLocked);
            return View("~/Views/Account/TooManyAttempts.cshtml", RetryLater.RefuseForSeconds(Response, StatusCodes.Status429TooManyRequests, wait));
        }
        var account = await users.FindByIdAsync(half.UserId);
        if (account?.TwoStepSecret is null)
        {
            await sessions.SignOutAsync(HttpContext);
            return Redirect("/signin");
        }
        var passed = usingRecoveryCode
            ? await twoStep.UseRecoveryCodeAsync(account.Id, form.RecoveryCode)
            : codes.MatchingStep(account.TwoStepSecret, form.Code) is { } step && await twoStep.ClaimStepAsync(account.Id, step);
        if (!passed)
        {
            log.TwoStep(HttpContext, account.Id, ActivityEvent.SecondStepFailed);
            metrics.SignInAttempt(method, MetricTags.SecondStepFailed);
            if (await throttle.FailedAsync(attempt, account))
                log.TwoStep(HttpContext, account.Id, ActivityEvent.SecondStepLocked);
            ModelState.AddModelError(usingRecoveryCode ? nameof(form.RecoveryCode) : nameof(form.Code),
                usingRecoveryCode ? "That recovery code is not right, or was used already." : "That code is not right. Enter the code your app shows now.");
            return View("Index", form);
        }
        await throttle.SucceededAsync(attempt);
        if (!await sessions.SignInAsync(HttpContext, account, half.Persistent, passedTwoStep: true, startedBy: method))
            return Redirect("/signin");
        metrics.SignInAttempt(method, MetricTags.Success);
        if (usingRecoveryCode)
            log.TwoStep(HttpContext, account.Id, ActivityEvent.RecoveryCodeUsed);
        log.SignInSucceeded(HttpContext, account.Id);
        await devices.SignedInAsync(HttpContext, account);
        TempData.Flash($"Welcome, {account.DisplayName}!", FlashKind.Success);
        return Redirect(next);
    }

    private async Task<SessionRecord?> HalfSessionAsync() =>
        await current.GetAsync(HttpContext) is { Record.Stage: SignInStage.PasswordOnly } half ? half.Record : null;
}
