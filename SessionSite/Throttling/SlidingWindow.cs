using System.Security.Cryptography;
using System.Text;
using SessionSite.Accounts;
using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// A sliding-window counter in Redis, shared by every instance: a sorted set of attempts scored by time.
/// Hand-written: the framework's rate limiter keeps its counters per process. Taking a slot and checking the
/// limit are one atomic step, so N parallel attempts never get more than the limit through.
/// </summary>
public sealed class SlidingWindow(IConnectionMultiplexer redis)
{
    // KEYS[1] = counter; ARGV = now (ms), window (ms), limit, a unique member.
    // Returns minus the slots now taken (this one included), or the ms until the oldest slot frees (nothing taken).
    private const string TakeScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
        local taken = redis.call('ZCARD', KEYS[1])
        if taken < tonumber(ARGV[3]) then
          redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return -(taken + 1)
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, oldest[2] + ARGV[2] - ARGV[1])
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>A slot name for one attempt made at <paramref name="now"/>: unique, so parallel attempts never merge.</summary>
    public static string NewMember(DateTimeOffset now) => $"{now.ToUnixTimeMilliseconds()}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>
    /// A counter key for an email address: hashed, so the key names no address, and normalized, so every spelling
    /// of one address counts alike whether or not an account has it.
    /// </summary>
    public static RedisKey AddressKey(string prefix, string email) =>
        $"{prefix}{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddress.Normalize(email))))}";

    /// <summary>Takes a slot named <paramref name="member"/>; null when taken, else how long until one frees.</summary>
    public async Task<TimeSpan?> TryTakeAsync(RedisKey key, TimeSpan window, int limit, DateTimeOffset now, string member) =>
        (await TakeAsync(key, window, limit, now, member)).Wait;

    /// <summary>
    /// Takes a slot named <paramref name="member"/>, and says how many are taken now (this one included), so the
    /// caller knows when it took the last one; when none is free, how long until one frees.
    /// </summary>
    public async Task<WindowTake> TakeAsync(RedisKey key, TimeSpan window, int limit, DateTimeOffset now, string member)
    {
        var result = (long)await Db.ScriptEvaluateAsync(TakeScript, [key], [now.ToUnixTimeMilliseconds(), (long)window.TotalMilliseconds, limit, member]);
        return result < 0 ? new WindowTake(null, -result) : new WindowTake(TimeSpan.FromMilliseconds(result), limit);
    }

    // KEYS[1] = counter; ARGV = now (ms), window (ms), limit. The wait (ms) if full, else 0; takes nothing.
    private const string PeekScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then return 0 end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, oldest[2] + ARGV[2] - ARGV[1])
        """;

    /// <summary>How long until a slot frees, or null when one is free now; takes nothing (count only what succeeds).</summary>
    public async Task<TimeSpan?> PeekAsync(RedisKey key, TimeSpan window, int limit, DateTimeOffset now)
    {
        var wait = (long)await Db.ScriptEvaluateAsync(PeekScript, [key], [now.ToUnixTimeMilliseconds(), (long)window.TotalMilliseconds, limit]);
        return wait == 0 ? null : TimeSpan.FromMilliseconds(wait);
    }

    /// <summary>Counts one event that already happened (whatever the limit).</summary>
    public Task RecordAsync(RedisKey key, TimeSpan window, DateTimeOffset now, string member) =>
        TryTakeAsync(key, window, int.MaxValue, now, member);

    public Task GiveBackAsync(RedisKey key, string member) => Db.SortedSetRemoveAsync(key, member);

    public Task ClearAsync(RedisKey key) => Db.KeyDeleteAsync(key);
}
