using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using SessionSite.Redis;
using SessionSite.Sessions;
using StackExchange.Redis;

namespace SessionSite.Devices;

/// <summary>
/// How a browser is stored for an account: HMAC-SHA256 of its device token under a key of that account
/// (HMAC of the user id under a site key). The site key lives in Redis only sealed with data protection, so
/// Redis alone can neither tell that two accounts share a browser nor match a stolen cookie to its entries.
/// </summary>
public sealed class DeviceKeys(IConnectionMultiplexer redis, IDataProtectionProvider protection)
{
    private readonly IDataProtector sealing = protection.CreateProtector("SessionSite.Devices.SiteKey");
    private byte[]? siteKey;

    /// <summary>The stored name of <paramref name="device"/> for this account: 128 bits, base64url, as a session's storage hash.</summary>
    public async Task<string> MemberAsync(string userId, SessionToken device)
    {
        var accountKey = HMACSHA256.HashData(await SiteKeyAsync(), Encoding.UTF8.GetBytes(userId));
        return Base64Url.EncodeToString(HMACSHA256.HashData(accountKey, Encoding.ASCII.GetBytes(device.Value)).AsSpan(0, 16));
    }

    // Made once for the whole site (SET NX: every instance ends up with the same one), then kept in memory.
    private async Task<byte[]> SiteKeyAsync()
    {
        if (siteKey is not null)
            return siteKey;
        var db = redis.GetDatabase();
        await db.StringSetAsync(RedisKeys.DeviceKey, NewSealedKey(), when: When.NotExists);
        try
        {
            return siteKey = sealing.Unprotect(Convert.FromBase64String((await db.StringGetAsync(RedisKeys.DeviceKey)).ToString()));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            // Sealed under a data-protection key ring that is gone: start again (every browser is new once more).
            var fresh = NewSealedKey();
            await db.StringSetAsync(RedisKeys.DeviceKey, fresh);
            return siteKey = sealing.Unprotect(Convert.FromBase64String(fresh));
        }
    }

    private string NewSealedKey() => Convert.ToBase64String(sealing.Protect(RandomNumberGenerator.GetBytes(32)));
}
