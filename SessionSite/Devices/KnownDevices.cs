using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Devices;

/// <summary>
/// The browsers each account has signed in from: a sorted set under the user's hash tag, member = the browser's
/// keyed HMAC (<see cref="DeviceKeys"/>), score = when it was last used; unused for a year, it is forgotten. A
/// second set records when each browser was last announced, so a browser is announced at most once a day, and
/// an account at most <see cref="NoticesPerDay"/> times a day (a client that drops cookies is new every time).
/// </summary>
public sealed class KnownDevices(IConnectionMultiplexer redis, DeviceKeys keys, TimeProvider clock)
{
    public const int NoticesPerDay = 10;
    private static readonly TimeSpan Kept = DeviceCookie.Lifetime;
    private static readonly TimeSpan NoticeEvery = TimeSpan.FromDays(1);

    // KEYS = account, known devices, notices; ARGV = member, now (ms), kept (ms), notice window (ms), announce (1/0), notices per window.
    // Returns 1 when the browser is new to the account and may be announced. Hand-written: the "is it new" answer
    // and its recording must be one step, or two racing sign-ins could both announce (or neither).
    private const string RememberScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local now = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[3]))
        local added = redis.call('ZADD', KEYS[2], now, ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        if added == 0 or ARGV[5] ~= '1' then return 0 end
        redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now - tonumber(ARGV[4]))
        if redis.call('ZSCORE', KEYS[3], ARGV[1]) or redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[6]) then return 0 end
        redis.call('ZADD', KEYS[3], now, ARGV[1])
        redis.call('PEXPIRE', KEYS[3], ARGV[4])
        return 1
        """;

    /// <summary>Records that the account used this browser now; true when it had not before and should be announced.</summary>
    public async Task<bool> RememberAsync(string userId, Sessions.SessionToken device, bool announce) =>
        (int)await redis.GetDatabase().ScriptEvaluateAsync(RememberScript,
            [RedisKeys.Account(userId), RedisKeys.KnownDevices(userId), RedisKeys.DeviceNotices(userId)],
            [await keys.MemberAsync(userId, device), clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)Kept.TotalMilliseconds,
                (long)NoticeEvery.TotalMilliseconds, announce ? 1 : 0, NoticesPerDay]) == 1;
}
