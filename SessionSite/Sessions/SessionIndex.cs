using SessionSite.Accounts;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Sessions;

/// <summary>
/// Each user's sessions: a sorted set under the user's hash tag, member = storage hash, score = expiry (Unix ms).
/// Every script prunes expired members and sets the set's own TTL to its latest expiry, so the index cleans
/// itself without keyspace notifications. Session entries share the hash tag, so the scripts that delete
/// them with their members stay in one Cluster slot.
/// </summary>
public sealed class SessionIndex(IConnectionMultiplexer redis)
{
    // Hand-written Lua: no library keeps an index in step with its entries. Removal deletes entries and members in
    // one script; creation and touches are separate steps, ordered so that a revocation always wins (SessionStore, SessionLoader).
    private const string Settle = """
        local function settle(index, now)
          redis.call('ZREMRANGEBYSCORE', index, '-inf', now)
          local last = redis.call('ZRANGE', index, -1, -1, 'WITHSCORES')
          if last[2] then redis.call('PEXPIREAT', index, last[2]) end
        end
        """;

    // KEYS[1] = index, KEYS[2] = account; ARGV[4] = the credential stamp the password was checked against.
    private const string AddScript = Settle + $$"""

        if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
        if (redis.call('HGET', KEYS[2], '{{AccountFields.CredentialStampField}}') or '0') ~= ARGV[4] then return 0 end
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
        settle(KEYS[1], ARGV[3])
        return 1
        """;

    // KEYS[1] = index, KEYS[2] = account, KEYS[3] = the old entry; ARGV = new member, its expiry, now, the stamp the
    // confirmation was checked against, the old member. One step: an old session ended meanwhile (revoked, or every
    // session ended by a password change) is never replaced by a live one.
    private const string ReplaceScript = Settle + $$"""

        if not redis.call('ZSCORE', KEYS[1], ARGV[5]) then return 0 end
        if (redis.call('HGET', KEYS[2], '{{AccountFields.CredentialStampField}}') or '0') ~= ARGV[4] then return 0 end
        redis.call('ZREM', KEYS[1], ARGV[5])
        redis.call('DEL', KEYS[3])
        redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
        settle(KEYS[1], ARGV[3])
        return 1
        """;

    // KEYS[1] = index, KEYS[2] = account; ARGV[4] = the profile version the touched entry was written with.
    // Returns 0 (the session was ended), 1 (touched), 2 (touched, but the account's profile moved on meanwhile).
    private const string UpdateIfPresentScript = Settle + $$"""

        if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
        redis.call('ZADD', KEYS[1], 'XX', 'GT', ARGV[2], ARGV[1])
        settle(KEYS[1], ARGV[3])
        if tonumber(redis.call('HGET', KEYS[2], '{{AccountFields.ProfileVersionField}}') or '0') ~= tonumber(ARGV[4]) then return 2 end
        return 1
        """;

    // KEYS[1] = index, KEYS[2] = the "why it ended" hash, KEYS[3..n] = entries; ARGV[1] = now, ARGV[2] = reason
    // ('' for none), ARGV[3] = how long the reason is kept (ms), ARGV[4..n] = their members.
    private const string RemoveScript = Settle + """

        local removed = 0
        for i = 3, #KEYS do
          redis.call('DEL', KEYS[i])
          local gone = redis.call('ZREM', KEYS[1], ARGV[i + 1])
          removed = removed + gone
          if gone == 1 and ARGV[2] ~= '' then redis.call('HSET', KEYS[2], ARGV[i + 1], ARGV[2]) end
        end
        if ARGV[2] ~= '' and removed > 0 then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
        settle(KEYS[1], ARGV[1])
        return removed
        """;

    /// <summary>How long a browser whose session was ended can still be told why.</summary>
    private static readonly TimeSpan ReasonKept = TimeSpan.FromDays(1);

    /// <summary>
    /// For a script in the user's slot that must end every session in the same step as its own change (a password
    /// reset): <c>end_every_session(index, ended, entry-prefix, reason, kept-ms)</c> deletes each listed entry, keeps
    /// the reason for its browser and deletes the index. Pass <see cref="ReasonKeptMs"/> for <c>kept-ms</c>.
    /// </summary>
    internal const string EndEverySessionFunction = """
        local function end_every_session(index, ended, prefix, reason, kept)
          local members = redis.call('ZRANGE', index, 0, -1)
          for _, member in ipairs(members) do
            redis.call('DEL', prefix .. member)
            redis.call('HSET', ended, member, reason)
          end
          if #members > 0 then redis.call('PEXPIRE', ended, kept) end
          redis.call('DEL', index)
          return #members
        end
        """;

    internal static long ReasonKeptMs => (long)ReasonKept.TotalMilliseconds;

    private const string MembersScript = Settle + """

        settle(KEYS[1], ARGV[1])
        return redis.call('ZRANGE', KEYS[1], 0, -1)
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Lists a new session, unless the account's password changed since it was checked (the stamp moved on) or
    /// the account was deleted meanwhile: the same step that a password change or a deletion orders itself
    /// against. False when refused.
    /// </summary>
    public async Task<bool> AddAsync(string userId, string storageHash, DateTimeOffset expiresAt, DateTimeOffset now, long credentialStamp) =>
        (int)await Db.ScriptEvaluateAsync(
            AddScript, [RedisKeys.SessionIndex(userId), RedisKeys.Account(userId)], [storageHash, Ms(expiresAt), Ms(now), credentialStamp]) == 1;

    /// <summary>
    /// Lists a new session in place of an old one (a token rotated on confirmation), only while the old one is
    /// still listed and the credential stamp is the one just checked. False when refused; the old entry goes only on success.
    /// </summary>
    public async Task<bool> ReplaceAsync(string userId, string oldStorageHash, string newStorageHash, DateTimeOffset expiresAt, DateTimeOffset now, long credentialStamp) =>
        (int)await Db.ScriptEvaluateAsync(
            ReplaceScript, [RedisKeys.SessionIndex(userId), RedisKeys.Account(userId), RedisKeys.Session(userId, oldStorageHash)],
            [newStorageHash, Ms(expiresAt), Ms(now), credentialStamp, oldStorageHash]) == 1;

    public async Task<bool> ContainsAsync(string userId, string storageHash) =>
        (await Db.SortedSetScoreAsync(RedisKeys.SessionIndex(userId), storageHash)).HasValue;

    /// <summary>
    /// Moves a member's expiry forward only (GT): of two racing touches the later expiry wins, so the index
    /// never drops a session before its entry expires. <see cref="TouchOutcome"/> says whether the member was there
    /// (the session was not ended meanwhile) and whether the account's profile version moved since the entry was written.
    /// </summary>
    public async Task<TouchOutcome> UpdateIfPresentAsync(string userId, string storageHash, DateTimeOffset expiresAt, DateTimeOffset now, long profileVersion) =>
        (TouchOutcome)(int)await Db.ScriptEvaluateAsync(UpdateIfPresentScript,
            [RedisKeys.SessionIndex(userId), RedisKeys.Account(userId)], [storageHash, Ms(expiresAt), Ms(now), profileVersion]);

    /// <summary>
    /// Deletes sessions and their members in one step; returns how many members were removed. A <c>reason</c>
    /// (<see cref="EndReason"/>) is kept a day per ended session, so its browser can be told why.
    /// </summary>
    public async Task<int> RemoveAsync(string userId, IReadOnlyCollection<string> storageHashes, DateTimeOffset now, string? reason = null)
    {
        var keys = new List<RedisKey> { RedisKeys.SessionIndex(userId), RedisKeys.SessionsEnded(userId) };
        var args = new List<RedisValue> { Ms(now), reason ?? "", (long)ReasonKept.TotalMilliseconds };
        foreach (var hash in storageHashes)
        {
            keys.Add(RedisKeys.Session(userId, hash));
            args.Add(hash);
        }
        return (int)await Db.ScriptEvaluateAsync(RemoveScript, keys.ToArray(), args.ToArray());
    }

    /// <summary>Why the session was ended by someone, if it was (and not long ago); null when it simply expired.</summary>
    public async Task<string?> EndReasonAsync(string userId, string storageHash) =>
        (await Db.HashGetAsync(RedisKeys.SessionsEnded(userId), storageHash)) is { IsNullOrEmpty: false } reason ? reason.ToString() : null;

    public async Task<string[]> MembersAsync(string userId, DateTimeOffset now)
    {
        var result = await Db.ScriptEvaluateAsync(MembersScript, [RedisKeys.SessionIndex(userId)], [Ms(now)]);
        return ((RedisValue[])result!).Select(v => v.ToString()).ToArray();
    }

    private static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();
}

public enum TouchOutcome
{
    Ended = 0,
    Touched = 1,

    /// <summary>Touched, but the entry was written from a copy older than the account's name or address.</summary>
    Stale = 2,
}

/// <summary>Why a session was ended for its browser, as kept for a day to tell that browser.</summary>
public static class EndReason
{
    public const string SignedOutElsewhere = "elsewhere";
    public const string PasswordChanged = "password";
}
