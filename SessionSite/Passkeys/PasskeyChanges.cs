using Microsoft.AspNetCore.Identity;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Links;
using SessionSite.Mail;
using SessionSite.Sessions;

namespace SessionSite.Passkeys;

/// <summary>
/// Adding and removing a passkey as a credential change: the write (stamp moved, in the user's slot), then the
/// activity row and the notice with its "this wasn't me" link, as for a password or two-step change, and the mark
/// every live session keeps of whether the account has a passkey (the home page's checkup).
/// </summary>
public sealed class PasskeyChanges(RedisPasskeyStore store, UserStore users, SessionList sessions, AccountMail mail, SecurityLog log, TimeProvider clock)
{
    public async Task<bool> AddAsync(HttpContext http, Account account, UserPasskeyInfo passkey, string name)
    {
        var at = clock.GetUtcNow(); // before the write, so the passkey itself counts as "since" for a recovery
        if (!await store.AddAsync(account.Id, passkey, name))
            return false;
        log.Passkey(http, account.Id, ActivityEvent.PasskeyAdded);
        await sessions.SetFactorAsync(account.Id, SessionFactors.Passkey, on: true);
        await mail.NoticePasskeyAsync(account.Email,
            "A passkey was added to your SessionSite account: it can now sign in without your password.",
            new RecoverableEvent(account.Id, RecoverableKind.PasskeyAdded, at));
        return true;
    }

    public async Task<bool> RemoveAsync(HttpContext http, Account account, string passkeyId)
    {
        var at = clock.GetUtcNow();
        if (!await store.RemoveAsync(account.Id, passkeyId))
            return false;
        log.Passkey(http, account.Id, ActivityEvent.PasskeyRemoved);
        await sessions.SetFactorAsync(account.Id, SessionFactors.Passkey, on: await users.HasPasskeysAsync(account.Id));
        await mail.NoticePasskeyAsync(account.Email,
            "A passkey was removed from your SessionSite account: it can no longer sign in.",
            new RecoverableEvent(account.Id, RecoverableKind.PasskeyRemoved, at));
        return true;
    }
}
