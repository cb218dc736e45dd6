using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Accounts;

/// <summary>Accounts in Redis: a hash per user under its hash tag, and a key per normalized email naming the user id.</summary>
public sealed class UserStore(IConnectionMultiplexer redis, TimeProvider clock)
{
    // Long enough to write one hash; short enough that a crash mid-sign-up frees the email again soon.
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    private const string UpgradeHashScript =
        $"if redis.call('HGET', KEYS[1], '{AccountFields.PasswordHashField}') == ARGV[1] then redis.call('HSET', KEYS[1], '{AccountFields.PasswordHashField}', ARGV[2]) end return 0";

    private const string ReleaseClaimScript = AddressKeys.ReleaseScript;

    private const string RenameScript =
        "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end " +
        $"redis.call('HSET', KEYS[1], '{AccountFields.DisplayNameField}', ARGV[1]) return redis.call('HINCRBY', KEYS[1], '{AccountFields.ProfileVersionField}', 1)";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Creates the account, or returns null when the email is already taken.</summary>
    public async Task<Account?> CreateAsync(string email, string displayName, Func<Account, Task<string>> hashPassword)
    {
        var draft = new Account(AccountId.New(), email.Trim(), displayName.Trim(), "", clock.GetUtcNow());
        var account = draft with { PasswordHash = await hashPassword(draft) };
        var emailKey = RedisKeys.Email(EmailAddress.Normalize(email));

        // The email key is the lock: SET NX makes concurrent sign-ups of one address produce one account.
        if (!await Db.StringSetAsync(emailKey, account.Id, ClaimTimeout, When.NotExists))
            return null;
        try
        {
            await Db.HashSetAsync(RedisKeys.Account(account.Id), AccountFields.From(account));
            await Db.KeyPersistAsync(emailKey);
            return account;
        }
        catch (Exception)
        {
            await ForgetBestEffortAsync(account.Id, emailKey);
            throw;
        }
    }

    /// <summary>
    /// The account whose address this is now. An address an email change left stays reserved for the account a
    /// while (its key still names it), but it no longer signs in, resets or receives anything.
    /// </summary>
    public async Task<Account?> FindByEmailAsync(string email)
    {
        var normalized = EmailAddress.Normalize(email);
        var id = await Db.StringGetAsync(RedisKeys.Email(normalized));
        return id.IsNullOrEmpty || await FindByIdAsync(id.ToString()) is not { } account || EmailAddress.Normalize(account.Email) != normalized
            ? null
            : account;
    }

    /// <summary>Whether the account has a passkey, for the factor summary a new session carries.</summary>
    public async Task<bool> HasPasskeysAsync(string id) => await Db.HashLengthAsync(RedisKeys.Passkeys(id)) > 0;

    public async Task<Account?> FindByIdAsync(string id) =>
        AccountFields.ToAccount(await Db.HashGetAllAsync(RedisKeys.Account(id)));

    /// <summary>
    /// A stronger hash of the same password, written only if the password has not changed since it was read:
    /// an upgrade racing a password change must not bring the old password back.
    /// </summary>
    public Task UpgradePasswordHashAsync(Account account, string upgradedHash) =>
        Db.ScriptEvaluateAsync(UpgradeHashScript, [RedisKeys.Account(account.Id)], [account.PasswordHash, upgradedHash]);

    /// <summary>
    /// A new password: the hash and a moved credential stamp in one step, only while the account exists (a change
    /// racing a deletion must not bring it back). Returns the account as now stored, or null when it is gone.
    /// </summary>
    public async Task<Account?> ReplacePasswordAsync(Account account, string passwordHash)
    {
        var key = RedisKeys.Account(account.Id);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(key));
        _ = transaction.HashSetAsync(key, AccountFields.PasswordHashField, passwordHash);
        var stamp = transaction.HashIncrementAsync(key, AccountFields.CredentialStampField);
        return await transaction.ExecuteAsync() ? account with { PasswordHash = passwordHash, CredentialStamp = await stamp } : null;
    }

    /// <summary>
    /// Moves the credential stamp alone ("sign out everywhere"): every link and pending enrolment made before stops
    /// working. Only while the account exists. False when it is gone.
    /// </summary>
    public async Task<bool> MoveStampAsync(string userId)
    {
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyExists(RedisKeys.Account(userId)));
        _ = transaction.HashIncrementAsync(RedisKeys.Account(userId), AccountFields.CredentialStampField);
        return await transaction.ExecuteAsync();
    }

    /// <summary>
    /// A new display name, only while the account exists (an edit racing a deletion must not bring it back):
    /// the new profile version, or null.
    /// </summary>
    public async Task<long?> UpdateDisplayNameAsync(string userId, string displayName) =>
        (long)await Db.ScriptEvaluateAsync(RenameScript, [RedisKeys.Account(userId)], [displayName.Trim()]) is > 0 and var version ? version : null;

    private async Task ForgetBestEffortAsync(string id, string emailKey)
    {
        try
        {
            await Db.KeyDeleteAsync(RedisKeys.Account(id));
            await Db.ScriptEvaluateAsync(ReleaseClaimScript, [emailKey], [id]);
        }
        catch (RedisException)
        {
            // Redis is gone: the claim's TTL frees the email; an unreachable account hash is inert.
        }
    }
}
