using System.Text.Json;
using System.Text.Json.Serialization;
using SessionSite.Redis;
using SessionSite.Sessions;
using StackExchange.Redis;

namespace SessionSite.Recovery;

/// <summary>What a link stands for: whose it is, the address it was sent to (or the new one, for a change), and the credential stamp it was issued under.</summary>
public sealed record LinkClaim(
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("e")] string Email,
    [property: JsonPropertyName("s")] long CredentialStamp,
    [property: JsonPropertyName("x")] long ExpiresAtMs,
    [property: JsonPropertyName("o")] string? PreviousEmail = null);

[JsonSerializable(typeof(LinkClaim))]
internal sealed partial class LinkJsonContext : JsonSerializerContext;

/// <summary>
/// Mailed links (reset, verify, email change): 32 random bytes in base64url, the same shape as a session token,
/// and like it stored only as its SHA-256 (<c>link:&lt;purpose&gt;:&lt;hash&gt;</c>), with a TTL. Redeeming takes the
/// entry with GETDEL, so a link works once even when two browsers race; its expiry is also checked against the
/// site's clock.
/// </summary>
public sealed class SingleUseLinks(IConnectionMultiplexer redis, TimeProvider clock)
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<string> IssueAsync(LinkPurpose purpose, string userId, string email, long credentialStamp, string? previousEmail = null)
    {
        var token = SessionToken.Create();
        var lifetime = LinkLifetimes.Of(purpose);
        var claim = new LinkClaim(userId, email, credentialStamp, (clock.GetUtcNow() + lifetime).ToUnixTimeMilliseconds(), previousEmail);
        var key = Key(purpose, token);
        await Db.StringSetAsync(key, JsonSerializer.Serialize(claim, LinkJsonContext.Default.LinkClaim), lifetime);
        // Listed under the account (by key name, which holds only the hash), so deleting the account finds it.
        var listed = RedisKeys.Links(userId);
        await Db.SetAddAsync(listed, key.ToString());
        await Db.KeyExpireAsync(listed, LinkLifetimes.Longest); // outlives every link it lists
        return token.Value;
    }

    /// <summary>The claim of a live link without using it up (to show its form), or null.</summary>
    public async Task<LinkClaim?> PeekAsync(LinkPurpose purpose, string? token) =>
        SessionToken.TryParse(token, out var parsed) ? Live(await Db.StringGetAsync(Key(purpose, parsed))) : null;

    /// <summary>Uses the link up and returns its claim, or null when it is malformed, unknown, used or expired.</summary>
    public async Task<LinkClaim?> RedeemAsync(LinkPurpose purpose, string? token) =>
        SessionToken.TryParse(token, out var parsed) ? Live(await Db.StringGetDeleteAsync(Key(purpose, parsed))) : null;

    private LinkClaim? Live(RedisValue stored)
    {
        if (stored.IsNullOrEmpty)
            return null;
        var claim = JsonSerializer.Deserialize(stored.ToString(), LinkJsonContext.Default.LinkClaim);
        return claim is not null && clock.GetUtcNow().ToUnixTimeMilliseconds() < claim.ExpiresAtMs ? claim : null;
    }

    private static RedisKey Key(LinkPurpose purpose, SessionToken token) => $"link:{purpose.ToString().ToLowerInvariant()}:{token.StorageHash()}";
}
