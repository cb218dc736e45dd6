using SessionSite.Accounts;
using SessionSite.Security;

namespace SessionSite.Sessions;

/// <summary>Starting, ending and replacing the browser's session: store, cookie and current request in step.</summary>
public sealed class SessionSignIn(SessionStore store, SessionCookie cookie, CurrentSession current, SecurityLog log)
{
    /// <summary>Always a fresh session: a token the browser already had is deleted, never adopted (no fixation).</summary>
    public async Task SignInAsync(HttpContext http, Account account, bool persistent)
    {
        await EndBrowserSessionAsync(http);
        Start(http, await store.CreateAsync(account, persistent, ClientDescription.From(http)));
    }

    /// <summary>Ends this browser's session, server-side first, and logs it when the cookie named a user.</summary>
    public async Task SignOutAsync(HttpContext http)
    {
        if (await EndBrowserSessionAsync(http) is { } userId)
            log.SignedOut(http, userId);
        cookie.Delete(http);
        current.Replace(null);
    }

    /// <summary>After a password change: a new token for this browser, and every other session ended.</summary>
    public async Task RenewAndEndOthersAsync(HttpContext http, Account account, SessionUser previous)
    {
        var renewed = await store.CreateAsync(account, previous.Persistent, ClientDescription.From(http));
        await store.RevokeAllExceptAsync(account.Id, renewed.Credential.StorageHash);
        Start(http, renewed);
    }

    private void Start(HttpContext http, SignedInSession session)
    {
        cookie.Write(http, session);
        current.Replace(session);
    }

    private async Task<string?> EndBrowserSessionAsync(HttpContext http)
    {
        if (!cookie.TryRead(http.Request, out var credential))
            return null;
        await store.DeleteAsync(credential);
        return credential.UserId;
    }
}
