using Microsoft.AspNetCore.Identity;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Links;
using SessionSite.Mail;

namespace SessionSite.Passkeys;

/// <summary>
/// Adding and removing a passkey as a credential change: the write (stamp moved, in the user's slot), then the
/// activity row and the notice with its "this wasn't me" link, as for a password or two-step change.
/// </summary>
public sealed class PasskeyChanges(RedisPasskeyStore store, AccountMail mail, SecurityLog log, TimeProvider clock)
{
    public async Task<bool> AddAsync(HttpContext http, Account account, UserPasskeyInfo passkey, string name)
    {
        var at = clock.GetUtcNow(); // before the write, so the passkey itself counts as "since" for a recovery
        if (!await store.AddAsync(account.Id, passkey, name))
            return false;
        log.Passkey(http, account.Id, ActivityEvent.PasskeyAdded);
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
        await mail.NoticePasskeyAsync(account.Email,
            "A passkey was removed from your SessionSite account: it can no longer sign in.",
            new RecoverableEvent(account.Id, RecoverableKind.PasskeyRemoved, at));
        return true;
    }
}
