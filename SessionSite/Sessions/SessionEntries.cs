using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using SessionSite.Redis;

namespace SessionSite.Sessions;

/// <summary>
/// The session entries themselves: one IDistributedCache entry per session, keyed by the token's hash, read and
/// written here only. Whether a session is live is the index's to say (<see cref="SessionIndex"/>).
/// </summary>
public sealed class SessionEntries(IDistributedCache cache, SessionIndex index, ILogger<SessionEntries> logger)
{
    public async Task<SessionRecord?> ReadAsync(string userId, string storageHash)
    {
        var bytes = await cache.GetAsync(RedisKeys.Session(userId, storageHash));
        if (bytes is null)
            return null;
        try
        {
            var session = JsonSerializer.Deserialize(bytes, SessionJsonContext.Default.SessionRecord);
            if (session?.UserId == userId)
                return session;
            SessionStoreLog.UserMismatch(logger);
            return null;
        }
        catch (JsonException)
        {
            SessionStoreLog.Unreadable(logger);
            return null;
        }
    }

    /// <summary>
    /// Writes the entry, then checks its index member: if the session was ended while it was being written, the
    /// write is undone rather than bringing it back. False when it was ended.
    /// </summary>
    public async Task<bool> WriteIfStillListedAsync(string userId, string storageHash, SessionRecord session)
    {
        await WriteAsync(userId, storageHash, session);
        if (await index.ContainsAsync(userId, storageHash))
            return true;
        await RemoveAsync(userId, storageHash);
        return false;
    }

    // The cache library sets whole-second TTLs, rounding down: a second of slack keeps Redis from deleting a
    // live session early, while the loader enforces the exact expiry instant.
    public Task WriteAsync(string userId, string storageHash, SessionRecord session) =>
        cache.SetAsync(
            RedisKeys.Session(userId, storageHash),
            JsonSerializer.SerializeToUtf8Bytes(session, SessionJsonContext.Default.SessionRecord),
            new DistributedCacheEntryOptions { AbsoluteExpiration = session.ExpiresAt + TimeSpan.FromSeconds(1) });

    public Task RemoveAsync(string userId, string storageHash) => cache.RemoveAsync(RedisKeys.Session(userId, storageHash));

    // Stamps are stored in whole seconds; truncating them here keeps what a request holds equal to what it stored.
    public static DateTimeOffset WholeSeconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());
}

/// <summary>Corruption made visible, without the key, token, hash or user id that would identify the session.</summary>
internal static partial class SessionStoreLog
{
    [LoggerMessage(3001, LogLevel.Warning, "A session entry could not be read as a session record; it is treated as signed out")]
    public static partial void Unreadable(ILogger logger);

    [LoggerMessage(3002, LogLevel.Warning, "A session entry names another user than its key; it is treated as signed out")]
    public static partial void UserMismatch(ILogger logger);
}
