using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// How often an account's owner may be warned of one kind of attack: once per window and three times a day,
/// counted in Redis (so every instance agrees), so a long attack cannot flood their inbox.
/// </summary>
public sealed class WarningAllowance(SlidingWindow window, TimeProvider clock)
{
    public const int PerDay = 3;

    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>True (and counted) when a warning counted under <paramref name="key"/> may go out now.</summary>
    public async Task<bool> TryTakeAsync(RedisKey key, TimeSpan per)
    {
        var now = clock.GetUtcNow();
        return (await window.TakeEachAsync([new(key.Append(":window"), per, 1), new(key.Append(":day"), Day, PerDay)], now, SlidingWindow.NewMember(now))).Allowed;
    }
}
