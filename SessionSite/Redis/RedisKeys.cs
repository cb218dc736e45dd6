namespace SessionSite.Redis;

/// <summary>
/// Every key the site writes. Keys of one user share the hash tag <c>{user:ID}</c>, so they live in one
/// Redis Cluster slot and a script may touch them together.
/// </summary>
public static class RedisKeys
{
    public static string Account(string userId) => $"{{user:{userId}}}:account";

    public static string SessionIndex(string userId) => $"{{user:{userId}}}:sessions";

    public static string Session(string userId, string storageHash) => $"{{user:{userId}}}:session:{storageHash}";

    public static string Email(string normalizedEmail) => $"email:{normalizedEmail}";
}
