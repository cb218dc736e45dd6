using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Flash;
using SessionSite.Passkeys;
using SessionSite.Sessions;
using SessionSite.Throttling;
using SessionSite.TwoStep;
using SessionSite.Web;

namespace SessionSite.Settings;

/// <summary>
/// "Confirm it's you" (GitHub's sudo mode): the password again, and the second factor when it is on, or one of the
/// account's passkeys (verified by the device's screen lock, a factor of its own and phishing-resistant), before a
/// sensitive change. Success rotates the session's token and records the time; <see cref="RequireConfirmationAttribute"/>
/// reads it from the session record, so a guarded page costs no extra Redis command.
/// </summary>
[RequireSession]
public sealed class ConfirmIdentityController(
    RecoveryCodeUse recoveryCodeUse,
    CurrentSession current,
    UserStore users,
    PasswordAuthenticator passwords,
    AuthenticatorCodes codes,
    TwoStepStorage twoStep,
    PasskeyAssertions passkeys,
    ConfirmThrottle throttle,
    SessionLifecycle lifecycle,
    SecurityLog log) : Controller
{
    [HttpGet(RequireConfirmationAttribute.ConfirmPath)]
    public async Task<IActionResult> Index(string? returnUrl)
    {
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return SignedOut();
        return Page(new ConfirmIdentityForm { ReturnUrl = returnUrl }, account);
    }

    [HttpPost(RequireConfirmationAttribute.ConfirmPath)]
    [BusyBeforeHashing]
    public async Task<IActionResult> Confirm(ConfirmIdentityForm form)
    {
        var mine = current.Required;
        if (await users.FindByIdAsync(mine.Record.UserId) is not { } account)
            return SignedOut();
        if (!ModelState.IsValid)
            return Page(form, account);
        var next = ReturnUrl.ToLocalLocation(form.ReturnUrl, Url.IsLocalUrl) ?? "/account";

        var attempt = await throttle.BeginAsync(ClientAddress.Of(HttpContext), mine.Credential.UserId, mine.Credential.StorageHash);
        if (await RefusedAsync(attempt, nameof(form.CurrentPassword), form, account) is { } refusedAnswer)
            return refusedAnswer;

        // The code is checked only after a right password, so a wrong password never uses up a recovery code.
        var passwordRight = await attempt.CheckAsync(() => passwords.VerifyAsync(account, form.CurrentPassword));
        var secondFactor = passwordRight ? await SecondFactorAsync(account, form.Code) : SecondFactor.Wrong;
        if (!passwordRight || secondFactor == SecondFactor.Wrong)
        {
            log.Confirmation(HttpContext, account.Id, ActivityEvent.ConfirmFailed);
            if (await attempt.SessionSpentNowAsync())
                return await EndSessionAsync();
            if (passwordRight)
                ModelState.AddModelError(nameof(form.Code), "That code is not right. Enter the code your app shows now, or an unused recovery code.");
            else
                ModelState.AddModelError(nameof(form.CurrentPassword), "The password is incorrect.");
            return Page(form, account);
        }

        await attempt.SucceededAsync();
        if (!await lifecycle.ConfirmAsync(HttpContext, mine, account))
            return SignedOut();
        log.Confirmation(HttpContext, account.Id, ActivityEvent.Confirmed);
        if (secondFactor == SecondFactor.RecoveryCode)
        {
            TempData.Flash(await recoveryCodeUse.RecordAsync(HttpContext, account), FlashKind.Warning);
        }
        return Redirect(next);
    }

    /// <summary>Request options listing only this user's passkeys; the challenge sealed in this browser's cookie.</summary>
    [HttpPost(RequireConfirmationAttribute.ConfirmPath + "/passkey/options"), EnableRateLimiting(PasskeyServiceCollectionExtensions.OptionsPolicy)]
    public async Task<IActionResult> PasskeyOptions()
    {
        if (await users.FindByIdAsync(current.Required.Record.UserId) is not { } account)
            return SignedOut();
        return Content(await passkeys.BeginAsync(HttpContext, PasskeyAssertions.Confirm, account), "application/json");
    }

    /// <summary>
    /// A passkey in place of the password (and code): it counts as a confirmation exactly as they do, and a refusal
    /// (another account's passkey, a replay, a wrong signature) counts as a wrong answer in the same window.
    /// No password hashing on this path, so no <see cref="BusyBeforeHashingAttribute"/>.
    /// </summary>
    [HttpPost(RequireConfirmationAttribute.ConfirmPath + "/passkey")]
    public async Task<IActionResult> Passkey(PasskeyStepForm form)
    {
        var mine = current.Required;
        if (await users.FindByIdAsync(mine.Record.UserId) is not { } account)
            return SignedOut();
        var page = new ConfirmIdentityForm { ReturnUrl = form.ReturnUrl };
        if (!ModelState.IsValid || string.IsNullOrEmpty(form.CredentialJson))
        {
            // A click without JavaScript sends no assertion: said so, and not counted as a wrong answer.
            ModelState.Clear();
            ModelState.AddModelError(PasskeyStepForm.ErrorKey, "Confirming with a passkey needs JavaScript in this browser. Enter your password instead.");
            return Page(page, account);
        }
        var next = ReturnUrl.ToLocalLocation(form.ReturnUrl, Url.IsLocalUrl) ?? "/account";

        var attempt = await throttle.BeginAsync(ClientAddress.Of(HttpContext), mine.Credential.UserId, mine.Credential.StorageHash);
        if (await RefusedAsync(attempt, PasskeyStepForm.ErrorKey, page, account) is { } refusedAnswer)
            return refusedAnswer;
        if ((await passkeys.VerifyAsync(HttpContext, PasskeyAssertions.Confirm, form.CredentialJson, account.Id)).Account is null)
        {
            log.Confirmation(HttpContext, account.Id, ActivityEvent.ConfirmFailed);
            if (await attempt.SessionSpentNowAsync())
                return await EndSessionAsync();
            ModelState.AddModelError(PasskeyStepForm.ErrorKey, "That passkey was not accepted. Use a passkey of this account, or enter your password.");
            return Page(page, account);
        }

        await attempt.SucceededAsync();
        if (!await lifecycle.ConfirmAsync(HttpContext, mine, account))
            return SignedOut();
        log.Confirmation(HttpContext, account.Id, ActivityEvent.Confirmed);
        return Redirect(next);
    }

    private enum SecondFactor { NotNeeded, AppCode, RecoveryCode, Wrong }

    private async Task<SecondFactor> SecondFactorAsync(Account account, string? code)
    {
        if (account.TwoStepSecret is null)
            return SecondFactor.NotNeeded;
        if (codes.MatchingStep(account.TwoStepSecret, code) is { } step)
            return await twoStep.ClaimStepAsync(account.Id, step) ? SecondFactor.AppCode : SecondFactor.Wrong;
        return await twoStep.UseRecoveryCodeAsync(account.Id, code) ? SecondFactor.RecoveryCode : SecondFactor.Wrong;
    }

    // The attempt's answer when the throttle refused it (the session spent, or the client address waiting), else null.
    private async Task<IActionResult?> RefusedAsync(ConfirmAttempt attempt, string errorKey, ConfirmIdentityForm form, Account account)
    {
        if (attempt.SessionSpent)
            return await EndSessionAsync();
        if (attempt.Wait is not { } wait)
            return null;
        RetryLater.RefuseForSeconds(Response, StatusCodes.Status429TooManyRequests, wait);
        ModelState.AddModelError(errorKey, $"Too many wrong attempts from your network. Try again in {WaitText.Of(wait)}.");
        return Page(form, account);
    }

    private async Task<IActionResult> EndSessionAsync()
    {
        await lifecycle.SignOutAsync(HttpContext, Telemetry.MetricTags.ConfirmLocked);
        TempData.Flash("For your safety this browser was signed out, after too many wrong answers to \"confirm it's you\".", FlashKind.Warning);
        return Redirect("/signin");
    }

    private RedirectResult SignedOut()
    {
        lifecycle.ForgetBrowserSession(HttpContext);
        TempData.Flash("Your session has ended. Please sign in again.");
        return Redirect("/signin");
    }

    private ViewResult Page(ConfirmIdentityForm form, Account account) =>
        View("ConfirmIdentity", new ConfirmIdentityPage(form, account.TwoStepSecret is not null, Guarding(form.ReturnUrl)));

    /// <summary>Says what the confirmation is for, from the page it returns to; the path is matched, never echoed.</summary>
    private static string Guarding(string? returnUrl) => (returnUrl?.Split('?')[0]) switch
    {
        "/account/email" => "changing your email address",
        "/account/two-step" => "changing two-step sign-in",
        "/account/delete" => "deleting your account",
        "/account" or "/account/data" => "downloading your data",
        "/sessions" or "/sessions/revoke-others" or "/sessions/revoke-all" => "signing out other sessions",
        _ => "this change",
    };
}
