using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
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
        var member = $"{now.ToUnixTimeMilliseconds()}:{Convert.ToHexString(RandomNumberGenerator.GetBytes(6))}";
        RedisKey ipKey = $"throttle:links:ip:{ip ?? "unknown"}";
        if (await window.TryTakeAsync(ipKey, Options.LinkRequestWindow, Options.LinkRequestsPerIp, now, member) is not null)
            return false;
        RedisKey addressKey = $"throttle:links:address:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EmailAddress.Normalize(email))))}";
        return await window.TryTakeAsync(addressKey, Options.LinkRequestWindow, Options.LinkRequestsPerAddress, now, member) is null;
    }
}
