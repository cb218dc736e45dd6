using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// Password attempts counted in Redis over a sliding window, per client IP and per account, so every site
/// instance sees the same counts. Hand-written: the framework's rate limiter keeps its counters per process.
/// An attempt reserves its slot before the password is checked, in the same atomic step as the limit check,
/// so N parallel guesses never get more than the limit answered; a right password gives its slot back.
/// Attempts refused with 429 take no slot, so a throttle lifts once failures stop: an attacker must keep
/// failing (past the IP limit first) to keep an account throttled, and can never lock it for good.
/// </summary>
public sealed class SignInThrottle(IConnectionMultiplexer redis, IOptions<ThrottlingOptions> options, TimeProvider clock)
{
    // KEYS[1] = counter; ARGV = now (ms), window (ms), limit, a unique member.
    // Returns 0 with the slot taken, or the ms until the oldest slot frees (nothing taken).
    private const string ReserveScript = """
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
          redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 0
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, oldest[2] + ARGV[2] - ARGV[1])
        """;

    private ThrottlingOptions Options => options.Value;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Takes a slot for one password check, IP first, then the account. <see cref="PasswordAttempt.Wait"/> is set
    /// (and no slot kept) when either is full: the caller must answer 429 without checking the password.
    /// </summary>
    public async Task<PasswordAttempt> BeginAsync(string? ip, string email)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var attempt = new PasswordAttempt(this, IpKey(ip), AccountKey(email), $"{now}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}");
        var ipWait = await ReserveAsync(attempt.IpKey, Options.IpWindow, Options.IpFailureLimit, now, attempt.Member);
        if (ipWait > 0)
            return attempt with { Wait = TimeSpan.FromMilliseconds(ipWait) };
        var accountWait = await ReserveAsync(attempt.AccountKey, Options.AccountWindow, Options.AccountFailureLimit, now, attempt.Member);
        if (accountWait == 0)
            return attempt;
        await Db.SortedSetRemoveAsync(attempt.IpKey, attempt.Member);
        return attempt with { Wait = TimeSpan.FromMilliseconds(accountWait) };
    }

    /// <summary>
    /// The password was right: the IP's slot is given back and the account's failures are cleared (one right
    /// password does not vouch for the IP's other attempts, but it does end the guessing on this account).
    /// </summary>
    internal Task SucceededAsync(PasswordAttempt attempt) =>
        Task.WhenAll(Db.SortedSetRemoveAsync(attempt.IpKey, attempt.Member), Db.KeyDeleteAsync(attempt.AccountKey));

    private async Task<long> ReserveAsync(RedisKey key, TimeSpan window, int limit, long now, string member) =>
        (long)await Db.ScriptEvaluateAsync(ReserveScript, [key], [now, (long)window.TotalMilliseconds, limit, member]);

    private static RedisKey IpKey(string? ip) => $"throttle:ip:{ip ?? "unknown"}";

    // Hashed, so the key names no address, and counted alike whether or not the account exists.
    private static RedisKey AccountKey(string email) =>
        $"throttle:account:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddress.Normalize(email))))}";
}

/// <summary>One password check's slots in the throttle: kept as a failure unless <see cref="SucceededAsync"/> gives them back.</summary>
public sealed record PasswordAttempt(SignInThrottle Throttle, RedisKey IpKey, RedisKey AccountKey, string Member)
{
    public TimeSpan? Wait { get; init; }

    public Task SucceededAsync() => Throttle.SucceededAsync(this);
}
