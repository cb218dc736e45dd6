using SessionSite.Accounts;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.TwoStep;

/// <summary>
/// Two-step sign-in as the account keeps it: the sealed secret and the last used time step in the account hash,
/// the recovery codes' hashes in a set beside it (same hash slot). Every switch moves the credential stamp in the
/// same transaction, so no link, enrolment or session made before it outlives it.
/// </summary>
public sealed class TwoStepStorage(IConnectionMultiplexer redis, TimeProvider clock)
{
    // KEYS[1] = account; ARGV[1] = the matched time step. Hand-written: check and record must be one step, and an
    // HSET on a deleted account would bring its hash back.
    private const string ClaimStepScript = $$"""
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local last = tonumber(redis.call('HGET', KEYS[1], '{{AccountFields.TwoStepLastStepField}}') or '-1')
        if tonumber(ARGV[1]) <= last then return 0 end
        redis.call('HSET', KEYS[1], '{{AccountFields.TwoStepLastStepField}}', ARGV[1])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>True the first time a step is used for the account; a replayed code (same step or older) is refused.</summary>
    public async Task<bool> ClaimStepAsync(string userId, long step) =>
        (int)await Db.ScriptEvaluateAsync(ClaimStepScript, [RedisKeys.Account(userId)], [step]) == 1;

    public async Task<long> RecoveryCodesLeftAsync(string userId) => await Db.SetLengthAsync(RedisKeys.RecoveryCodes(userId));

    /// <summary>True when the code was one of the account's and is now used up (SREM: one use, even under a race).</summary>
    public async Task<bool> UseRecoveryCodeAsync(string userId, string? code) =>
        !string.IsNullOrWhiteSpace(code) && await Db.SetRemoveAsync(RedisKeys.RecoveryCodes(userId), RecoveryCodes.Hash(code));

    /// <summary>
    /// Switches two-step sign-in on: the sealed secret, the step its first code used, new recovery codes and a moved
    /// stamp, together; only if the account exists, two-step is still off and the stamp is still
    /// <paramref name="sealedUnderStamp"/>, the one the pending secret was made under. False when refused.
    /// </summary>
    public async Task<bool> EnableAsync(
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
    public async Task<bool> DisableAsync(string userId)
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
}
