using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Telemetry;
using SessionSite.Web;

namespace SessionSite.Sessions;

/// <summary>Starting, ending and replacing the browser's session: store, cookie and current request in step.</summary>
public sealed class SessionLifecycle(SessionStore store, SessionRevocation revocation, SessionCookie cookie, CurrentSession current, SecurityLog log, SiteMetrics metrics)
{
    /// <summary>
    /// Always a fresh session: a token the browser already had is deleted, never adopted (no fixation).
    /// False when the password changed since it was checked: then nobody is signed in. <c>authenticated</c> is
    /// false for the half-way session between a right password and the second step. <c>startedBy</c> names the
    /// method in <c>sessionsite.sessions.started</c>; a renewal (a password change) passes none, as it starts nothing new.
    /// </summary>
    public async Task<bool> SignInAsync(
        HttpContext http, Account account, bool persistent, bool authenticated = true, bool passedTwoStep = false, string? startedBy = null,
        bool usedPasskey = false, DateTimeOffset? confirmedAt = null)
    {
        await EndBrowserSessionAsync(http);
        var session = await store.CreateAsync(account, persistent, ClientDescription.From(http), authenticated, passedTwoStep, usedPasskey, confirmedAt);
        if (session is null)
        {
            ForgetBrowserSession(http);
            return false;
        }
        Start(http, session);
        if (authenticated && startedBy is not null)
            metrics.SessionStarted(startedBy);
        return true;
    }

    /// <summary>Ends this browser's session, server-side first, and logs it when the cookie named a user.</summary>
    public async Task SignOutAsync(HttpContext http, string reason = MetricTags.SignedOut)
    {
        if (await EndBrowserSessionAsync(http) is ({ } userId, var ended))
        {
            log.SignedOut(http, userId);
            metrics.SessionsEnded(reason, ended);
        }
        ForgetBrowserSession(http);
    }

    /// <summary>
    /// After a password change: every session of the account ended (this one too) and a new one for this
    /// browser. False when yet another change overtook this one: then this browser is signed out as well.
    /// </summary>
    public async Task<bool> RenewAndEndOthersAsync(HttpContext http, Account account, SessionRecord previous)
    {
        var ended = await revocation.RevokeAllExceptAsync(account.Id, keepStorageHash: null, EndReason.PasswordChanged);
        // This browser's own session is among them, but it goes on under a new token: a rotation, not an end.
        metrics.SessionsEnded(MetricTags.PasswordChanged, ended - 1);
        return await SignInAsync(http, account, previous.Persistent, passedTwoStep: previous.PassedTwoStep, usedPasskey: previous.UsedPasskey,
            confirmedAt: SessionLifetime.ConfirmedAt(previous));
    }

    /// <summary>
    /// "Confirm it's you" passed: this browser's session continues under a fresh token. False when it ended
    /// meanwhile (revoked, or a credential change): then this browser is signed out.
    /// </summary>
    public async Task<bool> ConfirmAsync(HttpContext http, BrowserSession session, Account account)
    {
        if (await store.ConfirmAsync(session, account) is not { } confirmed)
        {
            ForgetBrowserSession(http);
            return false;
        }
        Start(http, confirmed);
        return true;
    }

    /// <summary>This browser's cookie and the request's user go (after the session or the account itself is gone).</summary>
    public void ForgetBrowserSession(HttpContext http)
    {
        cookie.Delete(http);
        current.Replace(null, http);
    }

    private void Start(HttpContext http, BrowserSession session)
    {
        cookie.Write(http, session);
        current.Replace(session, http);
    }

    private async Task<(string UserId, int Ended)?> EndBrowserSessionAsync(HttpContext http)
    {
        if (!cookie.TryRead(http.Request, out var credential))
            return null;
        return (credential.UserId, await revocation.DeleteAsync(credential));
    }
}
