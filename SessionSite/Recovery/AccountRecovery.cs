using SessionSite.Accounts;
using SessionSite.Links;
using SessionSite.Redis;
using SessionSite.Sessions;
using StackExchange.Redis;

namespace SessionSite.Recovery;

/// <summary>What a recovery did: the address before and after, the sessions it ended, and the addresses that later links had reserved.</summary>
public sealed record RecoverOutcome(string AddressBefore, string Address, long SessionsEnded, IReadOnlyList<string> LaterReserved);

/// <summary>
/// Undoing a change the owner did not make: in one script in the user's hash slot, the link is used up, every
/// session ends, the credential stamp moves (every pending link dies), the password is replaced by a hash nobody
/// knows the password of, factors added since the event go (an authenticator enrolled, recovery codes made),
/// passkeys added since the earliest event an open link could still undo go, known browsers are forgotten, and an address an email change left is put back. Then, outside the slot, that
/// address is kept for good and the address the account had is let go.
/// </summary>
public sealed class AccountRecovery(IConnectionMultiplexer redis, TimeProvider clock)
{
    // KEYS = link, link list, account, session index, ended reasons, recovery codes, known devices, passkeys; ARGV = the link's
    // member, the session-key prefix, the retired password hash, now (ms), the end reason, how long it is kept (ms), the
    // recover-key prefix. Every link of an event at or after this one dies with it (an attacker's links to their own
    // addresses, or a new-device notice they caused, must not undo the owner's recovery), while links of earlier
    // events live on, so whoever holds the earliest notice has the last word. Passkeys go further back: every one added
    // since the earliest event whose link is still open, because a passkey signs in without the password this retires
    // (an authenticator or recovery codes still need it). Returns {address before, address after,
    // sessions ended, {addresses those later links named}, {passkeys removed}} or nil. Hand-written: no library makes these writes one atomic step.
    private const string RecoverScript = $$"""
        local link = redis.call('HMGET', KEYS[1], '{{RecoverLinkFields.EventAt}}', '{{RecoverLinkFields.Expires}}', '{{RecoverLinkFields.OldEmail}}')
        if not link[1] then return nil end
        redis.call('DEL', KEYS[1])
        redis.call('SREM', KEYS[2], ARGV[1])
        if tonumber(link[2]) <= tonumber(ARGV[4]) or redis.call('EXISTS', KEYS[3]) == 0 then return nil end
        local later = {}
        local passkeysSince = tonumber(link[1])
        for _, other in ipairs(redis.call('SMEMBERS', KEYS[2])) do
          local o = redis.call('HMGET', ARGV[7] .. other, '{{RecoverLinkFields.EventAt}}', '{{RecoverLinkFields.OldEmail}}', '{{RecoverLinkFields.Expires}}')
          if not o[1] or tonumber(o[1]) >= tonumber(link[1]) then
            if o[2] then table.insert(later, o[2]) end
            redis.call('DEL', ARGV[7] .. other)
            redis.call('SREM', KEYS[2], other)
          elseif o[3] and tonumber(o[3]) > tonumber(ARGV[4]) and tonumber(o[1]) < passkeysSince then
            passkeysSince = tonumber(o[1])
          end
        end
        local members = redis.call('ZRANGE', KEYS[4], 0, -1)
        for _, member in ipairs(members) do
          redis.call('DEL', ARGV[2] .. member)
          redis.call('HSET', KEYS[5], member, ARGV[5])
        end
        redis.call('DEL', KEYS[4])
        redis.call('PEXPIRE', KEYS[5], ARGV[6])
        redis.call('HINCRBY', KEYS[3], '{{AccountFields.CredentialStampField}}', 1)
        redis.call('HSET', KEYS[3], '{{AccountFields.PasswordHashField}}', ARGV[3])
        local at = tonumber(link[1])
        if tonumber(redis.call('HGET', KEYS[3], '{{AccountFields.TwoStepAddedAtField}}') or '-1') >= at then
          redis.call('HDEL', KEYS[3], '{{AccountFields.TwoStepSecretField}}', '{{AccountFields.TwoStepLastStepField}}', '{{AccountFields.TwoStepAddedAtField}}', '{{AccountFields.RecoveryCodesAddedAtField}}')
          redis.call('DEL', KEYS[6])
        elseif tonumber(redis.call('HGET', KEYS[3], '{{AccountFields.RecoveryCodesAddedAtField}}') or '-1') >= at then
          redis.call('HDEL', KEYS[3], '{{AccountFields.RecoveryCodesAddedAtField}}')
          redis.call('DEL', KEYS[6])
        end
        redis.call('DEL', KEYS[7])
        local passkeys = {}
        local stored = redis.call('HGETALL', KEYS[8])
        for i = 1, #stored, 2 do
          if tonumber(cjson.decode(stored[i + 1]).a or 0) >= passkeysSince then
            redis.call('HDEL', KEYS[8], stored[i])
            table.insert(passkeys, stored[i])
          end
        end
        local before = redis.call('HGET', KEYS[3], '{{AccountFields.EmailField}}')
        if link[3] and link[3] ~= before then
          redis.call('HSET', KEYS[3], '{{AccountFields.EmailField}}', link[3], '{{AccountFields.EmailVerifiedField}}', '1')
          redis.call('HINCRBY', KEYS[3], '{{AccountFields.ProfileVersionField}}', 1)
          return {before, link[3], #members, later, passkeys}
        end
        return {before, before, #members, later, passkeys}
        """;

    /// <summary>Ended sessions say why for a day, as after a password change.</summary>
    private static readonly TimeSpan ReasonKept = TimeSpan.FromDays(1);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// True when the address <paramref name="claim"/> would put back (if any) is still this account's: kept by the
    /// email change for longer than the link lives, so false only when something else went wrong.
    /// </summary>
    public async Task<bool> CanRestoreAsync(RecoverClaim claim) =>
        claim.OldEmail is null || await Db.StringGetAsync(RedisKeys.Email(EmailAddress.Normalize(claim.OldEmail))) == claim.Link.UserId;

    /// <summary>Undoes the event of <paramref name="claim"/>; null when the link was used meanwhile, expired or the account is gone.</summary>
    public async Task<RecoverOutcome?> RecoverAsync(RecoverClaim claim, string retiredPasswordHash)
    {
        var userId = claim.Link.UserId;
        var member = claim.Link.StorageHash;
        var result = await Db.ScriptEvaluateAsync(RecoverScript,
            [RedisKeys.Recover(userId, member), RedisKeys.RecoverLinks(userId), RedisKeys.Account(userId), RedisKeys.SessionIndex(userId),
                RedisKeys.SessionsEnded(userId), RedisKeys.RecoveryCodes(userId), RedisKeys.KnownDevices(userId), RedisKeys.Passkeys(userId)],
            [member, RedisKeys.Session(userId, ""), retiredPasswordHash, clock.GetUtcNow().ToUnixTimeMilliseconds(), EndReason.PasswordChanged,
                (long)ReasonKept.TotalMilliseconds, RedisKeys.Recover(userId, "")]);
        if (result.IsNull)
            return null;
        var answer = (RedisResult[])result!;
        var outcome = new RecoverOutcome((string)answer[0]!, (string)answer[1]!, (long)answer[2],
            ((RedisResult[])answer[3]!).Select(a => (string)a!).ToList());
        // Passkeys added since the event went with it; their lookups (other slots) go after.
        await PasskeyLookups.ReleaseAsync(Db, userId, ((RedisResult[])answer[4]!).Select(id => (string)id!));
        if (outcome.AddressBefore != outcome.Address)
            await SwapAddressKeysAsync(userId, outcome);
        // Addresses the account left after the event undone were kept for links that are gone now: anyone may take them.
        foreach (var address in outcome.LaterReserved.Where(a => EmailAddress.Normalize(a) != EmailAddress.Normalize(outcome.Address)))
            await AddressKeys.ReleaseAsync(Db, address, userId);
        return outcome;
    }

    // The address put back is kept for good; the one the account had (an attacker's, after a change) is let go,
    // each only while it still names this account.
    private async Task SwapAddressKeysAsync(string userId, RecoverOutcome outcome)
    {
        await AddressKeys.KeepAsync(Db, outcome.Address, userId);
        if (EmailAddress.Normalize(outcome.AddressBefore) != EmailAddress.Normalize(outcome.Address))
            await AddressKeys.ReleaseAsync(Db, outcome.AddressBefore, userId);
    }
}
