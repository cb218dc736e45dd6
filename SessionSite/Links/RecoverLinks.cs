using SessionSite.Accounts;
using SessionSite.Redis;
using SessionSite.Sessions;
using StackExchange.Redis;

namespace SessionSite.Links;

/// <summary>What a live "this wasn't me" link stands for.</summary>
public sealed record RecoverClaim(SessionCredential Link, string Kind, DateTimeOffset At, string? OldEmail);

/// <summary>
/// "This wasn't me" links: 32 random bytes, carried as <c>userId.token</c> like the session cookie, so the link
/// routes to the user's hash slot; stored only as the token's storage hash, under the user's hash tag
/// (<c>{user:ID}:recover:HASH</c>, a hash of the event's kind, time, expiry and any address it left), for
/// <see cref="Lifetime"/>, and listed in <see cref="RedisKeys.RecoverLinks"/> so deleting the account deletes them.
/// Bound to the account and its event, not to the credential stamp: the change it undoes moved the stamp.
/// </summary>
public sealed class RecoverLinks(IConnectionMultiplexer redis, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public static string LifetimeText => $"{Lifetime.TotalDays:0} days";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>A new link for <paramref name="change"/>: the text after <c>?token=</c>, or null when the account is gone.</summary>
    public async Task<string?> IssueAsync(RecoverableEvent change)
    {
        var link = new SessionCredential(change.UserId, SessionToken.Create());
        var key = RedisKeys.Recover(change.UserId, link.StorageHash);
        var fields = new List<HashEntry>
        {
            new(RecoverLinkFields.Kind, change.Kind),
            new(RecoverLinkFields.EventAt, change.At.ToUnixTimeMilliseconds()),
            new(RecoverLinkFields.Expires, (clock.GetUtcNow() + Lifetime).ToUnixTimeMilliseconds()),
        };
        if (change.OldEmail is not null)
            fields.Add(new(RecoverLinkFields.OldEmail, change.OldEmail));
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(RedisKeys.Account(change.UserId)));
        _ = transaction.HashSetAsync(key, fields.ToArray());
        _ = transaction.KeyExpireAsync(key, Lifetime);
        _ = transaction.SetAddAsync(RedisKeys.RecoverLinks(change.UserId), link.StorageHash);
        _ = transaction.KeyExpireAsync(RedisKeys.RecoverLinks(change.UserId), Lifetime); // the newest link lives longest
        return await transaction.ExecuteAsync() ? link.CookieValue : null;
    }

    /// <summary>The claim of a live link, without using it (to show its confirmation page), or null.</summary>
    public async Task<RecoverClaim?> PeekAsync(string? token)
    {
        if (!SessionCredential.TryParse(token, out var link))
            return null;
        var stored = await Db.HashGetAsync(RedisKeys.Recover(link.UserId, link.StorageHash), [RecoverLinkFields.Kind, RecoverLinkFields.EventAt, RecoverLinkFields.Expires, RecoverLinkFields.OldEmail]);
        if (stored[0].IsNull || (long)stored[2] <= clock.GetUtcNow().ToUnixTimeMilliseconds())
            return null;
        return new RecoverClaim(link, stored[0].ToString(), DateTimeOffset.FromUnixTimeMilliseconds((long)stored[1]),
            stored[3].IsNull ? null : stored[3].ToString());
    }
}
