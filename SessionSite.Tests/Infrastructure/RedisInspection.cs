using StackExchange.Redis;

namespace SessionSite.Tests.Infrastructure;

/// <summary>What the tests look for inside Redis.</summary>
public static class RedisInspection
{
    public static IReadOnlyList<string> Keys(this RedisServer redis, string pattern) =>
        redis.Server.Keys(pattern: pattern, pageSize: 1000).Select(k => k.ToString()).ToList();

    public static bool HasAccountFor(this RedisServer redis, string email) =>
        redis.Database.KeyExists($"email:{email.Trim().ToLowerInvariant()}")
        || redis.Keys("{user:*}:account").Any(key => redis.Database.HashGet(key, "email").ToString().Equals(email.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string UserIdOf(string sessionCookie) => sessionCookie[..sessionCookie.IndexOf('.')];

    public static string TokenOf(string sessionCookie) => sessionCookie[(sessionCookie.IndexOf('.') + 1)..];

    public static string StorageHashOf(string sessionCookie) =>
        System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(TokenOf(sessionCookie))));

    public static IReadOnlyList<string> SessionKeysOf(this RedisServer redis, string userId) =>
        redis.Keys($"{{user:{userId}}}:s:*");

    public static IReadOnlyList<string> IndexMembersOf(this RedisServer redis, string userId) =>
        redis.Database.SortedSetRangeByRank($"{{user:{userId}}}:sessions").Select(v => v.ToString()).ToList();

    public static TimeSpan? TimeToLive(this RedisServer redis, string key) => redis.Database.KeyTimeToLive(key);

    public static RedisValue[] Values(this RedisServer redis, string key) =>
        redis.Database.HashGetAll(key).Select(e => e.Value).ToArray();
}
