using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Accounts;

/// <summary>
/// The <c>email:&lt;normalized&gt;</c> keys that name an account. Claimed with SET NX (sign-up, email change), so
/// a key that exists is taken, whether the account uses the address or only keeps it reserved; every other
/// write happens only while the key still names the account, so no step can take another account's address.
/// </summary>
public static class AddressKeys
{
    /// <summary>How long an address an email change left stays the account's: as long as its "this wasn't me" link lives, and an hour more.</summary>
    public static readonly TimeSpan Reserved = TimeSpan.FromDays(7) + TimeSpan.FromHours(1);

    public const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private const string KeepScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PERSIST', KEYS[1]) end return 0";

    private const string ReserveScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0";

    // SET NX with a timeout, as at sign-up; or the account's own already (an address it left and may take back).
    private const string ClaimScript =
        "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end if redis.call('GET', KEYS[1]) == ARGV[1] then return 2 end return 0";

    /// <summary>
    /// Claims the address for the account for <paramref name="timeout"/> only: the step that commits the change makes
    /// it permanent (<see cref="KeepAsync"/>), so a crash between the two leaves no address reserved for ever.
    /// </summary>
    public static async Task<AddressClaim> ClaimAsync(IDatabase db, string address, string userId, TimeSpan timeout) =>
        (AddressClaim)(int)await db.ScriptEvaluateAsync(ClaimScript, [Key(address)], [userId, (long)timeout.TotalMilliseconds]);

    /// <summary>The address is the account's for good (no TTL).</summary>
    public static Task KeepAsync(IDatabase db, string address, string userId) => db.ScriptEvaluateAsync(KeepScript, [Key(address)], [userId]);

    /// <summary>
    /// An address the account left is not released but kept for it for <see cref="Reserved"/> (nobody can sign up
    /// with it or move to it), so "this wasn't me" can give it back; then Redis lets it go.
    /// </summary>
    public static Task ReserveAsync(IDatabase db, string address, string userId) =>
        db.ScriptEvaluateAsync(ReserveScript, [Key(address)], [userId, (long)Reserved.TotalMilliseconds]);

    public static Task ReleaseAsync(IDatabase db, string address, string userId) => db.ScriptEvaluateAsync(ReleaseScript, [Key(address)], [userId]);

    private static RedisKey Key(string address) => RedisKeys.Email(EmailAddress.Normalize(address));
}

public enum AddressClaim
{
    Taken = 0,
    Claimed = 1,

    /// <summary>The key already named this account: an address it left, still reserved for it.</summary>
    Ours = 2,
}
