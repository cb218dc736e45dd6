using SessionSite.Activity;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Accounts;

/// <summary>Accounts in Redis: a hash per user under its hash tag, and a key per normalized email naming the user id.</summary>
public sealed class UserStore(IConnectionMultiplexer redis, TimeProvider clock)
{
    // Long enough to write one hash; short enough that a crash mid-sign-up frees the email again soon.
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    private const string UpgradeHashScript =
        $"if redis.call('HGET', KEYS[1], '{AccountFields.PasswordHashField}') == ARGV[1] then redis.call('HSET', KEYS[1], '{AccountFields.PasswordHashField}', ARGV[2]) end return 0";

    private const string ReleaseClaimScript = AddressKeys.ReleaseScript;

    private const string RenameScript =
        "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end " +
        $"redis.call('HSET', KEYS[1], '{AccountFields.DisplayNameField}', ARGV[1]) return redis.call('HINCRBY', KEYS[1], '{AccountFields.ProfileVersionField}', 1)";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Creates the account, or returns null when the email is already taken.</summary>
    public async Task<Account?> CreateAsync(string email, string displayName, Func<Account, Task<string>> hashPassword)
    {
        var draft = new Account(AccountId.New(), email.Trim(), displayName.Trim(), "", clock.GetUtcNow());
        var account = draft with { PasswordHash = await hashPassword(draft) };
        var emailKey = RedisKeys.Email(EmailAddress.Normalize(email));

        // The email key is the lock: SET NX makes concurrent sign-ups of one address produce one account.
        if (!await Db.StringSetAsync(emailKey, account.Id, ClaimTimeout, When.NotExists))
            return null;
        try
        {
            await Db.HashSetAsync(RedisKeys.Account(account.Id), AccountFields.From(account));
            await Db.KeyPersistAsync(emailKey);
            return account;
        }
        catch (Exception)
        {
            await ForgetBestEffortAsync(account.Id, emailKey);
            throw;
        }
    }

    /// <summary>
    /// The account whose address this is now. An address an email change left stays reserved for the account a
    /// while (its key still names it), but it no longer signs in, resets or receives anything.
    /// </summary>
    public async Task<Account?> FindByEmailAsync(string email)
    {
        var normalized = EmailAddress.Normalize(email);
        var id = await Db.StringGetAsync(RedisKeys.Email(normalized));
        return id.IsNullOrEmpty || await FindByIdAsync(id.ToString()) is not { } account || EmailAddress.Normalize(account.Email) != normalized
            ? null
            : account;
    }

    /// <summary>Whether the account has a passkey, for the factor summary a new session carries.</summary>
    public async Task<bool> HasPasskeysAsync(string id) => await Db.HashLengthAsync(RedisKeys.Passkeys(id)) > 0;

    public async Task<Account?> FindByIdAsync(string id) =>
        AccountFields.ToAccount(await Db.HashGetAllAsync(RedisKeys.Account(id)));

    /// <summary>
    /// A stronger hash of the same password, written only if the password has not changed since it was read:
    /// an upgrade racing a password change must not bring the old password back.
    /// </summary>
    public Task UpgradePasswordHashAsync(Account account, string upgradedHash) =>
        Db.ScriptEvaluateAsync(UpgradeHashScript, [RedisKeys.Account(account.Id)], [account.PasswordHash, upgradedHash]);

    /// <summary>
    /// A new password: the hash and a moved credential stamp in one step, only while the account exists (a change
    /// racing a deletion must not bring it back). Returns the account as now stored, or null when it is gone.
    /// </summary>
    public async Task<Account?> ReplacePasswordAsync(Account account, string passwordHash)
    {
        var key = RedisKeys.Account(account.Id);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(key));
        _ = transaction.HashSetAsync(key, AccountFields.PasswordHashField, passwordHash);
        var stamp = transaction.HashIncrementAsync(key, AccountFields.CredentialStampField);
        return await transaction.ExecuteAsync() ? account with { PasswordHash = passwordHash, CredentialStamp = await stamp } : null;
    }

    /// <summary>
    /// Moves the credential stamp alone ("sign out everywhere"): every link and pending enrolment made before stops
    /// working. Only while the account exists. False when it is gone.
    /// </summary>
    public async Task<bool> MoveStampAsync(string userId)
    {
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(RedisKeys.Account(userId)));
        _ = transaction.HashIncrementAsync(RedisKeys.Account(userId), AccountFields.CredentialStampField);
        return await transaction.ExecuteAsync();
    }

    /// <summary>
    /// Moves the account from <paramref name="oldEmail"/> to <paramref name="newEmail"/>, proved by its link.
    /// The new address is claimed first (SET NX, as at sign-up, or an address this account left and still holds),
    /// so an address taken meanwhile changes nothing; then <paramref name="moveAccount"/> moves the account in its own
    /// slot, checking there what the link is bound to, and returns its new profile version (null when refused); then
    /// the old address is reserved for it (<see cref="AddressKeys.ReserveAsync"/>), not released.
    /// </summary>
    public async Task<(EmailChangeResult Result, long ProfileVersion)> ChangeEmailAsync(
        string userId, string oldEmail, string newEmail, Func<Task<long?>> moveAccount)
    {
        var newKey = RedisKeys.Email(EmailAddress.Normalize(newEmail));
        var sameMailbox = newKey == RedisKeys.Email(EmailAddress.Normalize(oldEmail));
        var claim = sameMailbox ? AddressClaim.Ours : await AddressKeys.ClaimAsync(Db, newEmail, userId, ClaimTimeout);
        if (claim == AddressClaim.Taken)
            return (EmailChangeResult.Taken, 0);
        if (await moveAccount() is not { } version)
        {
            if (claim == AddressClaim.Claimed)
                await Db.ScriptEvaluateAsync(ReleaseClaimScript, [newKey], [userId]);
            return (EmailChangeResult.Stale, 0);
        }
        if (sameMailbox)
            return (EmailChangeResult.Changed, version);
        // The claim (or an address this account left a while ago and still held) is the account's now, for good.
        await AddressKeys.KeepAsync(Db, newEmail, userId);
        await AddressKeys.ReserveAsync(Db, oldEmail, userId);
        return (EmailChangeResult.Changed, version);
    }

    /// <summary>
    /// A new display name, only while the account exists (an edit racing a deletion must not bring it back):
    /// the new profile version, or null.
    /// </summary>
    public async Task<long?> UpdateDisplayNameAsync(string userId, string displayName) =>
        (long)await Db.ScriptEvaluateAsync(RenameScript, [RedisKeys.Account(userId)], [displayName.Trim()]) is > 0 and var version ? version : null;

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

    /// <summary>
    /// Switches two-step sign-in on: the sealed secret, the step its first code used, new recovery codes and a moved
    /// stamp, together; only if the account exists, two-step is still off and the stamp is still
    /// <paramref name="sealedUnderStamp"/>, the one the pending secret was made under. False when refused.
    /// </summary>
    public async Task<bool> EnableTwoStepAsync(
        string userId, long sealedUnderStamp, string protectedSecret, long firstStep, IEnumerable<string> recoveryCodeHashes)
    {
        var key = RedisKeys.Account(userId);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(key));
        transaction.AddCondition(Condition.HashNotExists(key, AccountFields.TwoStepSecretField));
        transaction.AddCondition(StampIs(key, sealedUnderStamp));
        _ = transaction.HashSetAsync(key,
            [new(AccountFields.TwoStepSecretField, protectedSecret), new(AccountFields.TwoStepLastStepField, firstStep),
                new(AccountFields.TwoStepAddedAtField, clock.GetUtcNow().ToUnixTimeMilliseconds())]);
        _ = transaction.HashIncrementAsync(key, AccountFields.CredentialStampField);
        QueueRecoveryCodes(transaction, userId, recoveryCodeHashes);
        return await transaction.ExecuteAsync();
    }

    /// <summary>New recovery codes and a moved stamp; the old codes stop working in the same step. Only while two-step is on. False when refused.</summary>
    public async Task<bool> ReplaceRecoveryCodesAsync(string userId, IEnumerable<string> recoveryCodeHashes)
    {
        var key = RedisKeys.Account(userId);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(key));
        transaction.AddCondition(Condition.HashExists(key, AccountFields.TwoStepSecretField));
        _ = transaction.HashIncrementAsync(key, AccountFields.CredentialStampField);
        QueueRecoveryCodes(transaction, userId, recoveryCodeHashes);
        return await transaction.ExecuteAsync();
    }

    // An absent stamp field is stamp 0 (AccountFields): the condition must say so, since HashEqual never matches a missing field.
    private static Condition StampIs(RedisKey account, long stamp) =>
        stamp == 0 ? Condition.HashNotExists(account, AccountFields.CredentialStampField) : Condition.HashEqual(account, AccountFields.CredentialStampField, stamp);

    // The old set goes in the same transaction, so no moment has old and new codes both working.
    // With the time they were made, so "this wasn't me" can remove codes made after the change it reports.
    private void QueueRecoveryCodes(ITransaction transaction, string userId, IEnumerable<string> recoveryCodeHashes)
    {
        _ = transaction.KeyDeleteAsync(RedisKeys.RecoveryCodes(userId));
        _ = transaction.SetAddAsync(RedisKeys.RecoveryCodes(userId), recoveryCodeHashes.Select(h => (RedisValue)h).ToArray());
        _ = transaction.HashSetAsync(RedisKeys.Account(userId), AccountFields.RecoveryCodesAddedAtField, clock.GetUtcNow().ToUnixTimeMilliseconds());
    }

    /// <summary>Switches two-step sign-in off, its recovery codes gone and the stamp moved, together. Only while it is on. False when refused.</summary>
    public async Task<bool> DisableTwoStepAsync(string userId)
    {
        var key = RedisKeys.Account(userId);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(key));
        transaction.AddCondition(Condition.HashExists(key, AccountFields.TwoStepSecretField));
        _ = transaction.HashDeleteAsync(key,
            [AccountFields.TwoStepSecretField, AccountFields.TwoStepLastStepField, AccountFields.TwoStepAddedAtField, AccountFields.RecoveryCodesAddedAtField]);
        _ = transaction.HashIncrementAsync(key, AccountFields.CredentialStampField);
        _ = transaction.KeyDeleteAsync(RedisKeys.RecoveryCodes(userId));
        return await transaction.ExecuteAsync();
    }

    private async Task ForgetBestEffortAsync(string id, string emailKey)
    {
        try
        {
            await Db.KeyDeleteAsync(RedisKeys.Account(id));
            await Db.ScriptEvaluateAsync(ReleaseClaimScript, [emailKey], [id]);
        }
        catch (RedisException)
        {
            // Redis is gone: the claim's TTL frees the email; an unreachable account hash is inert.
        }
    }
}
