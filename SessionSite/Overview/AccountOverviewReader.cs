using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Links;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Overview;

/// <summary>
/// The account overview's statuses in one read-only script over the user's hash slot: the account hash, the
/// session index, the recovery codes, the passkeys, the pending email-change link and the activity stream (for the
/// last password change and the previous sign-in). So <c>/account</c> costs the session read plus this one round trip.
/// </summary>
public sealed class AccountOverviewReader(IConnectionMultiplexer redis, TimeProvider clock)
{
    // KEYS: account, session index, recovery codes, passkeys, links, activity.
    // ARGV: now (ms), change-email key prefix, link email field, link expiry field, this session's start (ms),
    // stream event/time/device fields, the sign-in event, then the password events, then "|", then account fields.
    // Hand-written Lua: the links to read are only known from the list, inside the same slot.
    private const string ReadScript = """
        local now = tonumber(ARGV[1])
        local i = 10
        local passwordEvents = {}
        while ARGV[i] ~= '|' do passwordEvents[ARGV[i]] = true; i = i + 1 end
        local fields = {}
        for j = i + 1, #ARGV do fields[#fields + 1] = ARGV[j] end
        local account = redis.call('HMGET', KEYS[1], unpack(fields))
        local sessions = redis.call('ZCOUNT', KEYS[2], now, '+inf')
        local codes = redis.call('SCARD', KEYS[3])
        local passkeys = redis.call('HLEN', KEYS[4])
        local pending, pendingUntil = false, 0
        for _, key in ipairs(redis.call('SMEMBERS', KEYS[5])) do
          if string.sub(key, 1, #ARGV[2]) == ARGV[2] then
            local link = redis.call('HMGET', key, ARGV[3], ARGV[4])
            local until_ = tonumber(link[2])
            if link[1] and until_ and until_ > now and until_ > pendingUntil then pending, pendingUntil = link[1], until_ end
          end
        end
        local changed, previous, previousDevice = false, false, false
        for _, entry in ipairs(redis.call('XREVRANGE', KEYS[6], '+', '-', 'COUNT', 100)) do
          local f = {}
          for k = 1, #entry[2], 2 do f[entry[2][k]] = entry[2][k + 1] end
          local event, at = f[ARGV[6]], tonumber(f[ARGV[7]])
          if not changed and passwordEvents[event] then changed = at end
          if not previous and event == ARGV[9] and at and at < tonumber(ARGV[5]) then previous, previousDevice = at, f[ARGV[8]] end
        end
        return { account, sessions, codes, passkeys, pending, pendingUntil, changed, previous, previousDevice }
        """;

    private static readonly string[] AccountFieldsRead =
        [AccountFields.EmailVerifiedField, AccountFields.TwoStepAddedAtField, AccountFields.TwoStepLastStepField, AccountFields.CreatedField];

    public async Task<AccountOverview> ReadAsync(string userId, DateTimeOffset sessionCreatedAt)
    {
        RedisValue[] args =
        [
            clock.GetUtcNow().ToUnixTimeMilliseconds(), SingleUseLinks.KeyPrefix(LinkPurpose.ChangeEmail, userId),
            SingleUseLinks.EmailField, SingleUseLinks.ExpiresField, sessionCreatedAt.ToUnixTimeMilliseconds(),
            AccountActivity.EventField, AccountActivity.TimeField, AccountActivity.DeviceField, ActivityEvent.SignedIn,
            ActivityEvent.PasswordChanged, ActivityEvent.PasswordReset, ActivityEvent.AccountRecovered, "|",
            .. AccountFieldsRead.Select(f => (RedisValue)f),
        ];
        var reply = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(ReadScript,
            [RedisKeys.Account(userId), RedisKeys.SessionIndex(userId), RedisKeys.RecoveryCodes(userId), RedisKeys.Passkeys(userId),
                RedisKeys.Links(userId), RedisKeys.Activity(userId)], args))!;
        var account = (RedisValue[])reply[0]!;
        var lastStep = Long(account[2]);
        var createdAt = Time(Long(account[3])) ?? DateTimeOffset.UnixEpoch;
        return new AccountOverview(
            EmailVerified: account[0] == "1",
            PendingEmail: reply[4].IsNull ? null : reply[4].ToString(),
            PendingEmailUntil: Time((long)reply[5]),
            CreatedAt: createdAt,
            PasswordChangedAt: reply[6].IsNull ? null : Time((long)reply[6]),
            // No change in the activity means none since sign-up only while the activity reaches back that far.
            PasswordUnchangedSinceSignUp: reply[6].IsNull && createdAt > clock.GetUtcNow() - AccountActivity.KeptFor,
            TwoStepOnSince: Time(Long(account[1])),
            TwoStepLastUsedAt: lastStep > 0 ? DateTimeOffset.FromUnixTimeSeconds(lastStep * AccountFields.TwoStepStepSeconds) : null,
            RecoveryCodesLeft: (long)reply[2],
            Passkeys: (long)reply[3],
            Sessions: (long)reply[1],
            PreviousSignInAt: reply[7].IsNull ? null : Time((long)reply[7]),
            PreviousSignInDevice: reply[8].IsNull ? null : reply[8].ToString());
    }

    private static long Long(RedisValue value) => value.IsNull ? 0 : (long)value;

    private static DateTimeOffset? Time(long ms) => ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
