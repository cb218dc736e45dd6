using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// Failed sign-ins counted in Redis over a sliding window, per client IP and per account, so every site
/// instance sees the same counts. Hand-written: the framework's rate limiter keeps its counters per process.
/// Attempts refused with 429 are not counted, so a throttle lifts once failures stop: an attacker must keep
/// failing (past the IP limit first) to keep an account throttled, and can never lock it for good.
/// </summary>
public sealed class SignInThrottle(IConnectionMultiplexer redis, IOptions<ThrottlingOptions> options, TimeProvider clock)
{
    // KEYS[1] = counter; ARGV = now (ms), window (ms), limit. Returns ms until the next attempt is allowed, or 0.
    private const string WaitScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then return 0 end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, oldest[2] + ARGV[2] - ARGV[1])
        """;

    // KEYS[1] = counter; ARGV = now (ms), window (ms), a unique member.
    private const string RecordScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
        redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    private ThrottlingOptions Options => options.Value;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>How long the caller must wait before trying again, or null when it may try now. The IP limit is checked first.</summary>
    public async Task<TimeSpan?> WaitBeforeAttemptAsync(string? ip, string email)
    {
        var now = Now();
        var waits = await Task.WhenAll(
            WaitAsync(IpKey(ip), Options.IpWindow, Options.IpFailureLimit, now),
            WaitAsync(AccountKey(email), Options.AccountWindow, Options.AccountFailureLimit, now));
        var longest = waits.Max();
        return longest > 0 ? TimeSpan.FromMilliseconds(longest) : null;
    }

    public Task RecordFailureAsync(string? ip, string email)
    {
        var now = Now();
        var member = $"{now}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        return Task.WhenAll(
            Db.ScriptEvaluateAsync(RecordScript, [IpKey(ip)], [now, (long)Options.IpWindow.TotalMilliseconds, member]),
            Db.ScriptEvaluateAsync(RecordScript, [AccountKey(email)], [now, (long)Options.AccountWindow.TotalMilliseconds, member]));
    }

    /// <summary>A successful sign-in clears the account's failures (not the IP's: one right password does not vouch for the rest).</summary>
    public Task ResetAccountAsync(string email) => Db.KeyDeleteAsync(AccountKey(email));

    private async Task<long> WaitAsync(RedisKey key, TimeSpan window, int limit, long now) =>
        (long)await Db.ScriptEvaluateAsync(WaitScript, [key], [now, (long)window.TotalMilliseconds, limit]);

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static RedisKey IpKey(string? ip) => $"throttle:ip:{ip ?? "unknown"}";

    // Hashed, so the key names no address, and counted alike whether or not the account exists.
    private static RedisKey AccountKey(string email) =>
        $"throttle:account:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddress.Normalize(email))))}";
}
