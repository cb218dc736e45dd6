using SessionSite.Accounts;
using SessionSite.Redis;
using SessionSite.Sessions;
using StackExchange.Redis;

namespace SessionSite.Tests.Infrastructure;

/// <summary>What the tests look for inside Redis.</summary>
public static class RedisInspection
{
    public static IReadOnlyList<string> Keys(this RedisServer redis, string pattern) =>
        redis.Server.Keys(pattern: pattern, pageSize: 1000).Select(k => k.ToString()).ToList();

    public static bool HasAccountFor(this RedisServer redis, string email) =>
        redis.Database.KeyExists(RedisKeys.Email(EmailAddress.Normalize(email)))
        || redis.Keys(RedisKeys.Account("*")).Any(key => redis.Database.HashGet(key, "email").ToString().Equals(email.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string UserIdOf(string sessionCookie) => sessionCookie[..sessionCookie.IndexOf('.')];

    public static string TokenOf(string sessionCookie) => sessionCookie[(sessionCookie.IndexOf('.') + 1)..];

    /// <summary>The product's own hashing: tests look where the site writes, without knowing how it names things.</summary>
    public static string StorageHashOf(string sessionCookie) =>
        SessionCredential.TryParse(sessionCookie, out var credential) ? credential.StorageHash : throw new ArgumentException("Not a session cookie.");

    public static string SessionKeyOf(string sessionCookie) => RedisKeys.Session(UserIdOf(sessionCookie), StorageHashOf(sessionCookie));

    public static IReadOnlyList<string> SessionKeysOf(this RedisServer redis, string userId) =>
        redis.Keys(RedisKeys.Session(userId, "*"));

    public static string IndexKeyOf(string userId) => RedisKeys.SessionIndex(userId);

    public static string AccountKeyOf(string userId) => RedisKeys.Account(userId);

    public static IReadOnlyList<string> IndexMembersOf(this RedisServer redis, string userId) =>
        redis.Database.SortedSetRangeByRank(RedisKeys.SessionIndex(userId)).Select(v => v.ToString()).ToList();

    public static TimeSpan? TimeToLive(this RedisServer redis, string key) => redis.Database.KeyTimeToLive(key);

    public static RedisValue[] Values(this RedisServer redis, string key) =>
        redis.Database.HashGetAll(key).Select(e => e.Value).ToArray();
}
