using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SessionSite.Throttling;

/// <summary>
/// How many mailed links (password reset, verification again) one address and one client IP may ask for per
/// window. Past it nothing is sent, and the page says the same as ever, so the limit reveals nothing either.
/// </summary>
public sealed class LinkRequestThrottle(SlidingWindow window, IOptions<ThrottlingOptions> options, TimeProvider clock)
{
    private ThrottlingOptions Options => options.Value;

    public async Task<bool> AllowAsync(string? ip, string email)
    {
        var now = clock.GetUtcNow();
        var member = SlidingWindow.NewMember(now);
        RedisKey ipKey = $"throttle:links:ip:{ip ?? "unknown"}";
        if (await window.TryTakeAsync(ipKey, Options.LinkRequestWindow, Options.LinkRequestsPerIp, now, member) is not null)
            return false;
        var addressKey = SlidingWindow.AddressKey("throttle:links:address:", email);
        return await window.TryTakeAsync(addressKey, Options.LinkRequestWindow, Options.LinkRequestsPerAddress, now, member) is null;
    }
}
