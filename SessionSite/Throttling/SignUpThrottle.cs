using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// Accounts created per client IP, counted in Redis (so shared by every instance). Only accounts actually made
/// count: a person who mistypes a few times is not locked out, nor is everyone behind the same address.
/// Refused posts meet only the framework's far higher per-instance attempt limit.
/// </summary>
public sealed class SignUpThrottle(SlidingWindow window, IOptions<ThrottlingOptions> options, TimeProvider clock)
{
    private ThrottlingOptions Options => options.Value;

    public Task<TimeSpan?> WaitAsync(string? ip) => window.PeekAsync(Key(ip), Options.SignUpWindow, Options.SignUpLimit, clock.GetUtcNow());

    public Task RecordAsync(string? ip)
    {
        var now = clock.GetUtcNow();
        return window.RecordAsync(Key(ip), Options.SignUpWindow, now, SlidingWindow.NewMember(now));
    }

    private static RedisKey Key(string? ip) => $"throttle:signup:{ip ?? "unknown"}";
}
