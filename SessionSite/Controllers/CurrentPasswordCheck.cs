using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Sessions;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.Controllers;

/// <summary>
/// "Enter your current password" before a sensitive change: a password guess like any other, so it takes a slot in
/// the account's sign-in throttle, and a wrong one shows in the account's activity. On refusal the field says why.
/// </summary>
public sealed class CurrentPasswordCheck(UserStore users, PasswordAuthenticator passwords, SignInThrottle throttle, SecurityLog log)
{
    /// <summary>The account when <paramref name="password"/> is its current password; null with the reason beside <paramref name="field"/>.</summary>
    public async Task<Account?> VerifyAsync(Controller page, SessionRecord mine, string? password, string field)
    {
        var http = page.HttpContext;
        var attempt = await throttle.BeginAsync(ClientAddress.Of(http), mine.Email);
        if (attempt.Wait is { } wait)
        {
            log.SignInThrottled(http, wait, mine.UserId);
            RetryLater.Answer(http.Response, StatusCodes.Status429TooManyRequests, wait);
            page.ModelState.AddModelError(field, $"Too many wrong passwords. Try again in {WaitText.Of(wait)}.");
            return null;
        }
        var account = await users.FindByIdAsync(mine.UserId);
        if (account is null || string.IsNullOrEmpty(password) || !await attempt.CheckAsync(() => passwords.VerifyAsync(account, password)))
        {
            log.SignInFailed(http, mine.UserId);
            await attempt.FailedAsync();
            page.ModelState.AddModelError(field, "The current password is incorrect.");
            return null;
        }
        await attempt.SucceededAsync();
        return account;
    }
}
