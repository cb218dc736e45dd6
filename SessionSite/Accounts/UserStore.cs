using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Accounts;

/// <summary>Accounts in Redis: a hash per user under its hash tag, and a key per normalized email naming the user id.</summary>
public sealed class UserStore(IConnectionMultiplexer redis, TimeProvider clock)
{
    // Long enough to write one hash; short enough that a crash mid-sign-up frees the email again soon.
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(30);

    private const string ReleaseClaimScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Creates the account, or returns null when the email is already taken.</summary>
    public async Task<Account?> CreateAsync(string email, string displayName, Func<Account, string> hashPassword)
    {
        var draft = new Account(AccountId.New(), email.Trim(), displayName.Trim(), "", clock.GetUtcNow());
        var account = draft with { PasswordHash = hashPassword(draft) };
        var emailKey = RedisKeys.Email(EmailAddress.Normalize(email));

        // The email key is the lock: SET NX makes concurrent sign-ups of one address produce one account.
        if (!await Db.StringSetAsync(emailKey, account.Id, ClaimTimeout, When.NotExists))
            return null;
        try
        {
            await Db.HashSetAsync(RedisKeys.Account(account.Id), AccountHash.From(account));
            await Db.KeyPersistAsync(emailKey);
            return account;
        }
        catch (Exception)
        {
            await ForgetBestEffortAsync(account.Id, emailKey);
            throw;
        }
    }

    public async Task<Account?> FindByEmailAsync(string email)
    {
        var id = await Db.StringGetAsync(RedisKeys.Email(EmailAddress.Normalize(email)));
        return id.IsNullOrEmpty ? null : await FindByIdAsync(id.ToString());
    }

    public async Task<Account?> FindByIdAsync(string id) =>
        AccountHash.ToAccount(await Db.HashGetAllAsync(RedisKeys.Account(id)));

    public Task UpdatePasswordHashAsync(string id, string passwordHash) =>
        Db.HashSetAsync(RedisKeys.Account(id), AccountHash.PasswordHashField, passwordHash);

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
