using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Accounts;

/// <summary>
/// Letting go of passkey lookup keys (credential id → user), which live in other slots than the account. Here, beside
/// <see cref="AddressKeys"/>, because deletion and "this wasn't me" release them too and the Passkeys feature builds
/// on Accounts, not the other way round.
/// </summary>
public static class PasskeyLookups
{
    /// <summary>Deletes a lookup key only while it still names the user.</summary>
    public const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    public static async Task ReleaseAsync(IDatabase db, string userId, IEnumerable<string> ids)
    {
        foreach (var id in ids)
            await db.ScriptEvaluateAsync(ReleaseScript, [RedisKeys.PasskeyLookup(id)], [userId]);
    }
}
