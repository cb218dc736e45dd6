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
        var member = SlidingWindow.NewMember(now);
        if (await window.TryTakeAsync(key.Append(":window"), per, 1, now, member) is not null)
            return false;
        return await window.TryTakeAsync(key.Append(":day"), Day, PerDay, now, member) is null;
    }
}
