using SessionSite.Activity;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Accounts;

/// <summary>An account deleted with everything it owns: one script in its hash slot, then the keys that live in other slots.</summary>
public sealed class AccountDeletion(IConnectionMultiplexer redis)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Deletes everything of the account, only if its credential stamp is still the one <paramref name="account"/>
    /// was read under and the asking session (<paramref name="sessionStorageHash"/>) is still listed: a password reset
    /// that won a race with the deletion (it moves the stamp and ends every session) keeps the account, rather than
    /// the deletion wiping what the reset just did. In its hash slot, in one script: the account,
    /// every session entry and the index, the activity and its markers, its links and their list, its passkeys. Then the email key
    /// and the passkeys' lookup keys (only while they still name this account), so the address can sign up again at once. How many sessions ended, or null when refused.
    /// </summary>
    public async Task<long?> DeleteAsync(Account account, string sessionStorageHash)
    {
        var deleted = (RedisResult[])(await Db.ScriptEvaluateAsync(DeleteScript,
            [RedisKeys.Account(account.Id), RedisKeys.SessionIndex(account.Id), RedisKeys.Activity(account.Id), RedisKeys.Links(account.Id),
                RedisKeys.ActivityMarker(account.Id, ActivityEvent.Throttled), RedisKeys.RecoveryCodes(account.Id), RedisKeys.SessionsEnded(account.Id),
                RedisKeys.RecoverLinks(account.Id), RedisKeys.KnownDevices(account.Id), RedisKeys.DeviceNotices(account.Id),
                RedisKeys.Passkeys(account.Id), RedisKeys.PasskeyRegistration(account.Id), .. RedisKeys.ThrottleCounters(account.Id)],
            [RedisKeys.Session(account.Id, ""), RedisKeys.Recover(account.Id, ""), account.CredentialStamp, sessionStorageHash,
                RedisKeys.ConfirmFailures(account.Id, "")]))!;
        if ((long)deleted[0] != 1)
            return null;
        // The current address, and those an email change left reserved for a "this wasn't me" link.
        foreach (var address in ((RedisValue[])deleted[1]!).Select(a => a.ToString()).Append(account.Email))
            await AddressKeys.ReleaseAsync(Db, address, account.Id);
        // The passkeys' lookups live in other slots: released after the account's keys, each only while it names this account.
        await PasskeyLookups.ReleaseAsync(Db, account.Id, ((RedisValue[])deleted[3]!).Select(id => id.ToString()));
        return (long)deleted[2];
    }

    // KEYS = account, index, activity, links, throttled-marker, recovery codes, ended reasons, "this wasn't me" links, known devices,
    // device notices, passkeys, pending passkey registration, throttle counters; ARGV = the session-key prefix, the "this wasn't me"-key
    // prefix, the expected stamp, the asking session's index member, the per-session confirm-failures prefix. Returns {1, reserved old
    // addresses, sessions ended, passkey credential ids}, or {0} when refused. Session entries, links and
    // "this wasn't me" entries are found inside the script: they share the hash tag, so they are in this slot (Cluster-safe),
    // and one listed a moment ago is deleted too. Hand-written: no library deletes a user's keys atomically.
    private const string DeleteScript = $$"""
        if redis.call('EXISTS', KEYS[1]) == 0 then return {0} end
        if tonumber(redis.call('HGET', KEYS[1], '{{AccountFields.CredentialStampField}}') or '0') ~= tonumber(ARGV[3]) then return {0} end
        if not redis.call('ZSCORE', KEYS[2], ARGV[4]) then return {0} end
        local sessions = redis.call('ZRANGE', KEYS[2], 0, -1)
        for _, member in ipairs(sessions) do redis.call('DEL', ARGV[1] .. member, ARGV[5] .. member) end
        for _, link in ipairs(redis.call('SMEMBERS', KEYS[4])) do redis.call('DEL', link) end
        local reserved = {}
        for _, member in ipairs(redis.call('SMEMBERS', KEYS[8])) do
          local old = redis.call('HGET', ARGV[2] .. member, '{{RecoverLinkFields.OldEmail}}')
          if old then table.insert(reserved, old) end
          redis.call('DEL', ARGV[2] .. member)
        end
        local passkeys = redis.call('HKEYS', KEYS[11])
        redis.call('DEL', unpack(KEYS))
        return {1, reserved, #sessions, passkeys}
        """;
}
