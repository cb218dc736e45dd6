using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Links;

/// <summary>What a link stands for: whose it is, the address it was sent to (or the new one, for a change), and the credential stamp it was issued under.</summary>
public sealed record LinkClaim(string UserId, string Email, long CredentialStamp, long ExpiresAtMs, string? PreviousEmail = null);

/// <summary>
/// Mailed links (reset, verify, email change): <c>userId.token</c>, the token 32 random bytes like a session's,
/// stored only as its SHA-256 under the user's hash tag (<c>{user:id}:link:&lt;purpose&gt;:&lt;hash&gt;</c>), as a
/// small hash with a TTL, and listed in <c>{user:id}:links</c> so the account's deletion deletes it. Issuing and
/// looking are here; using one up is <see cref="LinkRedemption"/>, one script per kind that checks and applies it.
/// </summary>
public sealed class SingleUseLinks(IConnectionMultiplexer redis, TimeProvider clock)
{
    internal const string EmailField = "e";
    internal const string StampField = "s";
    internal const string ExpiresField = "x";
    internal const string PreviousEmailField = "o";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>A new link for the account, or null when the account is gone (a link must not outlive it).</summary>
    public async Task<string?> IssueAsync(LinkPurpose purpose, string userId, string email, long credentialStamp, string? previousEmail = null)
    {
        var token = LinkToken.New(userId);
        var lifetime = LinkLifetimes.Of(purpose);
        var key = Key(purpose, token);
        var fields = new List<HashEntry>
        {
            new(EmailField, email), new(StampField, credentialStamp), new(ExpiresField, (clock.GetUtcNow() + lifetime).ToUnixTimeMilliseconds()),
        };
        if (previousEmail is not null)
            fields.Add(new(PreviousEmailField, previousEmail));

        var listed = RedisKeys.Links(userId);
        var transaction = Db.CreateTransaction();
        // Only while the account exists: a link issued as the account is deleted would be left behind in its slot.
        transaction.AddCondition(Condition.KeyExists(RedisKeys.Account(userId)));
        _ = transaction.HashSetAsync(key, fields.ToArray());
        _ = transaction.KeyExpireAsync(key, lifetime);
        _ = transaction.SetAddAsync(listed, key.ToString());
        _ = transaction.KeyExpireAsync(listed, LinkLifetimes.Longest); // outlives every link it lists
        return await transaction.ExecuteAsync() ? token.Value : null;
    }

    /// <summary>The claim of a live link without using it up (to show its form), or null.</summary>
    public async Task<LinkClaim?> PeekAsync(LinkPurpose purpose, string? token)
    {
        if (!LinkToken.TryParse(token, out var parsed))
            return null;
        var fields = (await Db.HashGetAllAsync(Key(purpose, parsed))).ToDictionary(e => e.Name.ToString(), e => e.Value);
        if (!fields.TryGetValue(ExpiresField, out var expires) || clock.GetUtcNow().ToUnixTimeMilliseconds() >= (long)expires)
            return null;
        return new LinkClaim(parsed.UserId, fields[EmailField].ToString(), (long)fields[StampField], (long)expires,
            fields.TryGetValue(PreviousEmailField, out var previous) ? previous.ToString() : null);
    }

    internal static RedisKey Key(LinkPurpose purpose, LinkToken token) => KeyPrefix(purpose, token.UserId) + token.Secret.StorageHash();

    /// <summary>What every key of one user's links of one kind starts with, so a script can pick them out of <see cref="RedisKeys.Links"/>.</summary>
    internal static string KeyPrefix(LinkPurpose purpose, string userId) => $"{{user:{userId}}}:link:{purpose.ToString().ToLowerInvariant()}:";

    // KEYS[1] = the user's list of links; ARGV[1] = the key prefix of the kind to cancel. Hand-written: the links
    // of the kind are found in the list and deleted with their entries in one step.
    private const string CancelScript = """
        local cancelled = 0
        for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          if string.sub(key, 1, #ARGV[1]) == ARGV[1] then
            cancelled = cancelled + redis.call('DEL', key)
            redis.call('SREM', KEYS[1], key)
          end
        end
        return cancelled
        """;

    /// <summary>Deletes every outstanding link of the kind (a pending email change), so none of them works any more; how many were live.</summary>
    public async Task<long> CancelAsync(LinkPurpose purpose, string userId) =>
        (long)await Db.ScriptEvaluateAsync(CancelScript, [RedisKeys.Links(userId)], [KeyPrefix(purpose, userId)]);
}
