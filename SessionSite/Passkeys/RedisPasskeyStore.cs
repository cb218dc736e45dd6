using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using SessionSite.Accounts;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Passkeys;

/// <summary>
/// Passkeys in Redis: a hash per user beside the account (<see cref="RedisKeys.Passkeys"/>), and a lookup key per
/// credential id naming its user (<see cref="RedisKeys.PasskeyLookup"/>), in another slot, so it follows the email
/// key's pattern: claimed with SET NX and a TTL, made permanent once the user's slot is written, released after.
/// The framework's <see cref="PasskeyHandler{TUser}"/> reads through the <see cref="IUserPasskeyStore{TUser}"/> part;
/// the site's own changes (add with its name, rename, remove, record a use) are the methods below, each one step.
/// </summary>
public sealed class RedisPasskeyStore(IConnectionMultiplexer redis, UserStore users, TimeProvider clock) : IUserPasskeyStore<PasskeyUser>
{
    /// <summary>Long enough to write the user's hash; short enough that a crash between the two frees the credential soon.</summary>
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    /// <summary>WebAuthn caps a credential id at 1023 bytes; anything longer is not one, and never becomes a key.</summary>
    private const int MaxCredentialIdBytes = 1023;

    private IDatabase Db => redis.GetDatabase();

    public static string IdText(byte[] credentialId) => Base64Url.EncodeToString(credentialId);

    /// <summary>The credential id of <paramref name="text"/> (base64url), or null when it is not one.</summary>
    public static byte[]? ParseId(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 1400 || !Base64Url.IsValid(text, out var length) || length is 0 or > MaxCredentialIdBytes)
            return null;
        return Base64Url.DecodeFromChars(text);
    }

    /// <summary>
    /// Adds the passkey: the credential id claimed first (SET NX with a TTL: unique across accounts), then the
    /// passkey and a moved stamp in the user's slot, then the claim kept for good. False when the id is taken or
    /// the account is gone (the claim is given back).
    /// </summary>
    public async Task<bool> AddAsync(string userId, UserPasskeyInfo passkey, string name)
    {
        var id = IdText(passkey.CredentialId);
        var lookup = RedisKeys.PasskeyLookup(id);
        if (!await Db.StringSetAsync(lookup, userId, ClaimTimeout, When.NotExists))
            return false;
        var stored = StoredPasskey.From(passkey, name, clock.GetUtcNow());
        if ((long)await Db.ScriptEvaluateAsync(PasskeyScripts.Add, [RedisKeys.Account(userId), RedisKeys.Passkeys(userId)], [id, stored.ToJson()]) != 1)
        {
            await Db.ScriptEvaluateAsync(PasskeyScripts.ReleaseLookup, [lookup], [userId]);
            return false;
        }
        await Db.ScriptEvaluateAsync(PasskeyScripts.KeepLookup, [lookup], [userId]);
        return true;
    }

    /// <summary>Removes the passkey (stamp moved), then its lookup. False when it was not the user's.</summary>
    public async Task<bool> RemoveAsync(string userId, string id)
    {
        if ((long)await Db.ScriptEvaluateAsync(PasskeyScripts.Remove, [RedisKeys.Account(userId), RedisKeys.Passkeys(userId)], [id]) != 1)
            return false;
        await ReleaseLookupsAsync(userId, [id]);
        return true;
    }

    public async Task<bool> RenameAsync(string userId, string id, string name) =>
        (long)await Db.ScriptEvaluateAsync(PasskeyScripts.Rename, [RedisKeys.Account(userId), RedisKeys.Passkeys(userId)], [id, name]) == 1;

    /// <summary>After a verified assertion: the new counter, backup state and time of use. Refused (false) when the counter did not go up.</summary>
    public async Task<bool> RecordUseAsync(string userId, UserPasskeyInfo passkey) =>
        (long)await Db.ScriptEvaluateAsync(PasskeyScripts.RecordUse, [RedisKeys.Account(userId), RedisKeys.Passkeys(userId)],
            [IdText(passkey.CredentialId), passkey.SignCount, passkey.IsBackedUp ? "1" : "0", clock.GetUtcNow().ToUnixTimeMilliseconds()]) == 1;

    public async Task<IReadOnlyList<PasskeyListing>> ListAsync(string userId) =>
        (await Db.HashGetAllAsync(RedisKeys.Passkeys(userId)))
            .Select(e => (Id: e.Name.ToString(), Stored: StoredPasskey.FromJson(e.Value.ToString())))
            .Where(p => p.Stored is not null)
            .Select(p => new PasskeyListing(p.Id, p.Stored!.Name, DateTimeOffset.FromUnixTimeMilliseconds(p.Stored.AddedAt),
                p.Stored.LastUsedAt == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(p.Stored.LastUsedAt), p.Stored.IsBackedUp))
            .OrderBy(p => p.AddedAt)
            .ToList();

    /// <summary>Deletes the lookups of credentials the user's slot no longer holds (after removal, recovery or deletion).</summary>
    public Task ReleaseLookupsAsync(string userId, IEnumerable<string> ids) => ReleaseLookupsAsync(Db, userId, ids);

    public static Task ReleaseLookupsAsync(IDatabase db, string userId, IEnumerable<string> ids) => PasskeyLookups.ReleaseAsync(db, userId, ids);

    // The framework's view: what PasskeyHandler<PasskeyUser> reads.

    public async Task<PasskeyUser?> FindByPasskeyIdAsync(byte[] credentialId, CancellationToken cancellationToken)
    {
        var userId = await Db.StringGetAsync(RedisKeys.PasskeyLookup(IdText(credentialId)));
        return userId.IsNullOrEmpty ? null : await FindByIdAsync(userId.ToString(), cancellationToken);
    }

    /// <summary>Read from the user's own hash: a lookup key alone never makes a credential someone's.</summary>
    public async Task<UserPasskeyInfo?> FindPasskeyAsync(PasskeyUser user, byte[] credentialId, CancellationToken cancellationToken)
    {
        var raw = await Db.HashGetAsync(RedisKeys.Passkeys(user.Id), IdText(credentialId));
        return raw.IsNullOrEmpty ? null : StoredPasskey.FromJson(raw.ToString())?.ToInfo(credentialId);
    }

    public async Task<IList<UserPasskeyInfo>> GetPasskeysAsync(PasskeyUser user, CancellationToken cancellationToken) =>
        (await Db.HashGetAllAsync(RedisKeys.Passkeys(user.Id)))
            .Select(e => (Id: ParseId(e.Name.ToString()), Stored: StoredPasskey.FromJson(e.Value.ToString())))
            .Where(p => p.Id is not null && p.Stored is not null)
            .Select(p => p.Stored!.ToInfo(p.Id!))
            .ToList();

    /// <summary>Identity's generic write: a known passkey records its use; a new one is added under its own name.</summary>
    public async Task AddOrUpdatePasskeyAsync(PasskeyUser user, UserPasskeyInfo passkey, CancellationToken cancellationToken)
    {
        if (await FindPasskeyAsync(user, passkey.CredentialId, cancellationToken) is not null)
            await RecordUseAsync(user.Id, passkey);
        else
            await AddAsync(user.Id, passkey, passkey.Name ?? "Passkey");
    }

    public Task RemovePasskeyAsync(PasskeyUser user, byte[] credentialId, CancellationToken cancellationToken) =>
        RemoveAsync(user.Id, IdText(credentialId));

    // The minimal IUserStore: the handler only finds users by id (the user handle) and asks for their id.

    public async Task<PasskeyUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        AccountId.IsValid(userId) && await users.FindByIdAsync(userId) is { } account ? new PasskeyUser(account) : null;

    public Task<string> GetUserIdAsync(PasskeyUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(PasskeyUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Account.Email);

    public Task<string?> GetNormalizedUserNameAsync(PasskeyUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(EmailAddress.Normalize(user.Account.Email));

    public async Task<PasskeyUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(normalizedUserName) is { } account ? new PasskeyUser(account) : null;

    // Accounts are made, renamed and deleted by the site's own UserStore, never through Identity.
    public Task SetUserNameAsync(PasskeyUser user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task SetNormalizedUserNameAsync(PasskeyUser user, string? normalizedName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> CreateAsync(PasskeyUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> UpdateAsync(PasskeyUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> DeleteAsync(PasskeyUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
