using Microsoft.AspNetCore.Mvc;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Sessions;
using SessionSite.Throttling;
using SessionSite.Web;

namespace SessionSite.Settings;

/// <summary>What checking the current password came to: the account, or a refusal (the reason beside the field), or the session used up its wrong answers.</summary>
public sealed record CurrentPasswordOutcome(Account? Account, bool SessionSpent = false);

/// <summary>
/// "Enter your current password" before a password change: a re-authentication like "confirm it's you", so a
/// wrong one counts in this session's wrong answers (<see cref="ConfirmThrottle"/>, shared with the confirm page)
/// and per client IP, never in the account's sign-in counter. A thief holding only a cookie gets the session's
/// allowance and then loses the session; an owner's sign-in is never paused by it. A wrong one shows in the activity.
/// </summary>
public sealed class CurrentPasswordCheck(UserStore users, PasswordAuthenticator passwords, ConfirmThrottle throttle, SecurityLog log)
{
    /// <summary>Checks <paramref name="password"/>; on refusal the reason is put beside <paramref name="field"/>.</summary>
    public async Task<CurrentPasswordOutcome> VerifyAsync(Controller page, BrowserSession mine, string? password, string field)
    {
        var http = page.HttpContext;
        var attempt = await throttle.BeginAsync(ClientAddress.Of(http), mine.Credential.UserId, mine.Credential.StorageHash);
        if (attempt.SessionSpent)
            return new(null, SessionSpent: true);
        if (attempt.Wait is { } wait)
        {
            RetryLater.RefuseForSeconds(http.Response, StatusCodes.Status429TooManyRequests, wait);
            page.ModelState.AddModelError(field, $"Too many wrong attempts from your network. Try again in {WaitText.Of(wait)}.");
            return new(null);
        }
        var account = await users.FindByIdAsync(mine.Record.UserId);
        if (account is null || string.IsNullOrEmpty(password) || !await attempt.CheckAsync(() => passwords.VerifyAsync(account, password)))
        {
            log.Confirmation(http, mine.Record.UserId, ActivityEvent.ConfirmFailed);
            if (await attempt.SessionSpentNowAsync())
                return new(null, SessionSpent: true);
            page.ModelState.AddModelError(field, "The current password is incorrect.");
            return new(null);
        }
        await attempt.SucceededAsync();
        return new(account);
    }
}
