using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Accounts;

/// <summary>
/// The last step of an email change, across two slots: the new address's key (claimed, then kept), the account's
/// own hash (moved by the caller's script in its slot), the old address's key (reserved for the account).
/// </summary>
public sealed class EmailChangeCommit(IConnectionMultiplexer redis)
{
    // Long enough to move one hash; short enough that a crash between claim and commit frees the address again soon.
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Moves the account from <paramref name="oldEmail"/> to <paramref name="newEmail"/>, proved by its link.
    /// The new address is claimed first (SET NX, as at sign-up, or an address this account left and still holds),
    /// so an address taken meanwhile changes nothing; then <paramref name="moveAccount"/> moves the account in its own
    /// slot, checking there what the link is bound to, and returns its new profile version (null when refused); then
    /// the old address is reserved for it (<see cref="AddressKeys.ReserveAsync"/>), not released.
    /// </summary>
    public async Task<(EmailChangeResult Result, long ProfileVersion)> CommitAsync(
        string userId, string oldEmail, string newEmail, Func<Task<long?>> moveAccount)
    {
        var newKey = RedisKeys.Email(EmailAddress.Normalize(newEmail));
        var sameMailbox = newKey == RedisKeys.Email(EmailAddress.Normalize(oldEmail));
        var claim = sameMailbox ? AddressClaim.Ours : await AddressKeys.ClaimAsync(Db, newEmail, userId, ClaimTimeout);
        if (claim == AddressClaim.Taken)
            return (EmailChangeResult.Taken, 0);
        if (await moveAccount() is not { } version)
        {
            if (claim == AddressClaim.Claimed)
                await Db.ScriptEvaluateAsync(AddressKeys.ReleaseScript, [newKey], [userId]);
            return (EmailChangeResult.Stale, 0);
        }
        if (sameMailbox)
            return (EmailChangeResult.Changed, version);
        // The claim (or an address this account left a while ago and still held) is the account's now, for good.
        await AddressKeys.KeepAsync(Db, newEmail, userId);
        await AddressKeys.ReserveAsync(Db, oldEmail, userId);
        return (EmailChangeResult.Changed, version);
    }
}
