using SessionSite.Redis;
using SessionSite.Web;
using StackExchange.Redis;

namespace SessionSite.Activity;

/// <summary>
/// Each account's last 100 security events: a capped Redis Stream beside the account in its hash slot, kept
/// 90 days after the last event. It holds an event name, a time, a device label, an IP and a detail (the device
/// signed out, masked addresses): never a password, token, token hash or whole email address. Recording is fire-and-forget (the page the event belongs to does not wait for it) and
/// only while the account exists, so an event racing a deletion cannot leave a stream behind.
/// </summary>
public sealed class AccountActivity(IConnectionMultiplexer redis, TimeProvider clock)
{
    public const int Kept = 100;

    // The stream entry's field names: written by the script below, read by ListAsync and by the account overview's script.
    internal const string EventField = "e";
    internal const string TimeField = "t";
    internal const string DeviceField = "d";
    private const string IpField = "i";
    private const string MethodField = "m";
    private const string DetailField = "x";
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(90);

    // KEYS[1] = account, KEYS[2] = activity, KEYS[3] = once-marker; ARGV = event, time (ms), device, ip, cap,
    // ttl (ms), once-per window (ms, 0 = always), method, detail (each '' = none: the field is left out). The
    // method says how a sign-in was made; the detail, which device a sign-out ended or the masked addresses.
    // Hand-written: the existence check and the append must be one step, or a deletion could slip between them.
    private const string RecordScript = $$"""
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        if tonumber(ARGV[7]) > 0 and not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[7]) then return 0 end
        local fields = {'{{EventField}}', ARGV[1], '{{TimeField}}', ARGV[2], '{{DeviceField}}', ARGV[3], '{{IpField}}', ARGV[4]}
        if ARGV[8] ~= '' then
            fields[#fields + 1] = '{{MethodField}}'
            fields[#fields + 1] = ARGV[8]
        end
        if ARGV[9] ~= '' then
            fields[#fields + 1] = '{{DetailField}}'
            fields[#fields + 1] = ARGV[9]
        end
        redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[5], '*', unpack(fields))
        redis.call('PEXPIRE', KEYS[2], ARGV[6])
        return 1
        """;

    /// <summary>
    /// Appends an event. With <c>oncePer</c>, at most one such event per that window: a flood of throttled
    /// guesses must not push the account's real history out of its last 100 events. <c>method</c>: how a
    /// sign-in was made (<see cref="SignInMethod"/>), kept only on the events that have one. <c>detail</c>: what
    /// the event was about, for its sentence (the device signed out, masked addresses); never a secret.
    /// </summary>
    public void Record(string userId, string eventName, HttpContext http, TimeSpan oncePer = default, string? method = null, string? detail = null)
    {
        var client = ClientDescription.From(http);
        _ = redis.GetDatabase().ScriptEvaluateAsync(RecordScript,
            [RedisKeys.Account(userId), RedisKeys.Activity(userId), RedisKeys.ActivityMarker(userId, eventName)],
            [eventName, clock.GetUtcNow().ToUnixTimeMilliseconds(), client.Device, client.Ip ?? "", Kept, (long)KeptFor.TotalMilliseconds,
                (long)oncePer.TotalMilliseconds, method ?? "", detail ?? ""],
            CommandFlags.FireAndForget);
    }

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<ActivityEntry>> ListAsync(string userId)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(RedisKeys.Activity(userId), "-", "+", Kept, Order.Descending);
        return entries.Select(e => new ActivityEntry(
            e[EventField].ToString(),
            DateTimeOffset.FromUnixTimeMilliseconds((long)e[TimeField]),
            e[DeviceField].ToString(),
            Optional(e[IpField]),
            Optional(e[MethodField]),
            Optional(e[DetailField]))).ToList();
    }

    // The script leaves an empty field out (and an IP may be unknown): absent reads as null.
    private static string? Optional(RedisValue value) => value.IsNullOrEmpty ? null : value.ToString();
}
