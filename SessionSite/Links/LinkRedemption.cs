using SessionSite.Accounts;
using SessionSite.Redis;
using SessionSite.Sessions;
using StackExchange.Redis;

namespace SessionSite.Links;

/// <summary>
/// Using a link up: for each kind, one script in the user's hash slot checks the link (there, unexpired on the
/// site's clock) and what it is bound to, applies it, and deletes it, so no change can slip between the check and
/// the write and a link is used up only when its action is done. A reset and an email change are bound to the
/// credential stamp they were issued under; a sign-up confirmation to the address it confirms. Each returns null
/// when the link is refused (malformed, unknown, used, expired, its account gone or its binding moved on).
/// </summary>
public sealed class LinkRedemption(IConnectionMultiplexer redis, TimeProvider clock)
{
    // Hand-written Lua: the check and the change must be one atomic step, which no library offers.
    // KEYS[1] = link, KEYS[2] = account, KEYS[3] = the account's list of links; ARGV[1] = the site's now (ms).
    private const string Common = $$"""
        local function live_link()
          local f = redis.call('HMGET', KEYS[1], '{{SingleUseLinks.EmailField}}', '{{SingleUseLinks.StampField}}', '{{SingleUseLinks.ExpiresField}}', '{{SingleUseLinks.PreviousEmailField}}')
          if not f[3] or tonumber(f[3]) <= tonumber(ARGV[1]) then return nil end
          return { email = f[1], stamp = tonumber(f[2]), previous = f[4] }
        end
        local function stamp_of_account() return tonumber(redis.call('HGET', KEYS[2], '{{AccountFields.CredentialStampField}}') or '0') end
        local function use_up() redis.call('DEL', KEYS[1]) redis.call('SREM', KEYS[3], KEYS[1]) end
        """;

    // KEYS[4] = session index, KEYS[5] = ended reasons, KEYS[6] = passkeys; ARGV[2] = the new password's hash, ARGV[3] =
    // session-entry prefix, ARGV[4] = end reason, ARGV[5] = how long it is kept (ms). Returns {sessions ended, {passkeys
    // removed}}, or {-1} when refused. An address never confirmed before this link proved it may have been signed up
    // by someone else first: their passkeys (which sign in without the password this replaces) go with the old password.
    private const string ResetScript = Common + "\n" + SessionIndex.EndEverySessionFunction + $$"""

        local link = live_link()
        if not link or redis.call('EXISTS', KEYS[2]) == 0 or link.stamp ~= stamp_of_account() then return {-1} end
        redis.call('HSET', KEYS[2], '{{AccountFields.PasswordHashField}}', ARGV[2])
        redis.call('HINCRBY', KEYS[2], '{{AccountFields.CredentialStampField}}', 1)
        local ended = end_every_session(KEYS[4], KEYS[5], ARGV[3], ARGV[4], ARGV[5])
        local passkeys = {}
        if redis.call('HGET', KEYS[2], '{{AccountFields.EmailVerifiedField}}') ~= '1' then
          passkeys = redis.call('HKEYS', KEYS[6])
          redis.call('DEL', KEYS[6])
        end
        use_up()
        return {ended, passkeys}
        """;

    // Bound to the address, not the stamp: a password or factor change leaves it working. Returns the new profile version, or 0.
    private const string VerifyScript = Common + $$"""

        local link = live_link()
        if not link or redis.call('HGET', KEYS[2], '{{AccountFields.EmailField}}') ~= link.email then return 0 end
        redis.call('HSET', KEYS[2], '{{AccountFields.EmailVerifiedField}}', '1')
        local version = redis.call('HINCRBY', KEYS[2], '{{AccountFields.ProfileVersionField}}', 1)
        use_up()
        return version
        """;

    // Bound to the stamp and to the address it moves from. Moves the stamp. Returns the new profile version, or 0.
    private const string ChangeEmailScript = Common + $$"""

        local link = live_link()
        if not link or not link.previous or link.stamp ~= stamp_of_account()
          or redis.call('HGET', KEYS[2], '{{AccountFields.EmailField}}') ~= link.previous then return 0 end
        redis.call('HSET', KEYS[2], '{{AccountFields.EmailField}}', link.email, '{{AccountFields.EmailVerifiedField}}', '1')
        redis.call('HINCRBY', KEYS[2], '{{AccountFields.CredentialStampField}}', 1)
        local version = redis.call('HINCRBY', KEYS[2], '{{AccountFields.ProfileVersionField}}', 1)
        use_up()
        return version
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Writes the new password's hash (made before, so a busy refusal leaves the link working), moves the stamp, ends
    /// every session: how many it ended, or null when refused.
    /// </summary>
    public async Task<long?> ResetPasswordAsync(string? token, string passwordHash)
    {
        if (await RunAsync(ResetScript, LinkPurpose.ResetPassword, token,
                userId => [RedisKeys.SessionIndex(userId), RedisKeys.SessionsEnded(userId), RedisKeys.Passkeys(userId)],
                userId => [passwordHash, RedisKeys.Session(userId, ""), EndReason.PasswordChanged, SessionIndex.ReasonKeptMs]) is not { } run)
            return null;
        var reply = (RedisResult[])run.Reply!;
        if ((long)reply[0] < 0)
            return null;
        // Their lookups live in other slots: released after, each only while it names this account.
        await PasskeyLookups.ReleaseAsync(Db, run.UserId, ((RedisResult[])reply[1]!).Select(credential => (string)credential!));
        return (long)reply[0];
    }

    /// <summary>Marks the address proved: the account's new profile version.</summary>
    public Task<long?> VerifyEmailAsync(string? token) => VersionAsync(VerifyScript, LinkPurpose.VerifyEmail, token);

    /// <summary>Moves the account to the link's new address (claimed beforehand by the caller): the new profile version.</summary>
    public Task<long?> ChangeEmailAsync(string? token) => VersionAsync(ChangeEmailScript, LinkPurpose.ChangeEmail, token);

    // A profile version starts at 1, so 0 is the scripts' "refused".
    private async Task<long?> VersionAsync(string script, LinkPurpose purpose, string? token) =>
        await RunAsync(script, purpose, token) is { } run && (long)run.Reply is > 0 and var version ? version : null;

    /// <summary>
    /// Runs a link's script with the keys every one of them starts with (the link, the account, the user's list of
    /// links) and "now" first among the arguments: whose link it was and the script's answer, or null when the
    /// token does not even parse.
    /// </summary>
    private async Task<(string UserId, RedisResult Reply)?> RunAsync(
        string script, LinkPurpose purpose, string? token, Func<string, RedisKey[]>? moreKeys = null, Func<string, RedisValue[]>? moreArgs = null)
    {
        if (!LinkToken.TryParse(token, out var link))
            return null;
        var id = link.UserId;
        RedisKey[] keys = [SingleUseLinks.Key(purpose, link), RedisKeys.Account(id), RedisKeys.Links(id), .. moreKeys?.Invoke(id) ?? []];
        RedisValue[] args = [clock.GetUtcNow().ToUnixTimeMilliseconds(), .. moreArgs?.Invoke(id) ?? []];
        return (id, await Db.ScriptEvaluateAsync(script, keys, args));
    }
}
