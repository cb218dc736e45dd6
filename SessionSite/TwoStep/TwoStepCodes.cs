using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using SessionSite.Accounts;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.TwoStep;

/// <summary>
/// Authenticator-app codes (RFC 6238 via Otp.NET: SHA-1, 6 digits, 30 s) and recovery codes. The secret is kept
/// encrypted with ASP.NET data protection; a code is checked against the server's clock only, ±1 step for drift,
/// and each time step is accepted once. Recovery codes are stored only as their SHA-256 and taken with SREM.
/// </summary>
public sealed class TwoStepCodes(IDataProtectionProvider protection, IConnectionMultiplexer redis, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;
    private const int SecretBytes = 20; // 160 bits, RFC 4226's recommendation for SHA-1

    private readonly IDataProtector stored = protection.CreateProtector("SessionSite.TwoStep.Secret");
    private readonly ITimeLimitedDataProtector pending = protection.CreateProtector("SessionSite.TwoStep.Enrolment").ToTimeLimitedDataProtector();

    // KEYS[1] = account; ARGV[1] = the matched time step. Hand-written: check and record must be one step, and an
    // HSET on a deleted account would bring its hash back.
    private const string ClaimStepScript = $$"""
        if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
        local last = tonumber(redis.call('HGET', KEYS[1], '{{AccountFields.TwoStepLastStepField}}') or '-1')
        if tonumber(ARGV[1]) <= last then return 0 end
        redis.call('HSET', KEYS[1], '{{AccountFields.TwoStepLastStepField}}', ARGV[1])
        return 1
        """;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// A new secret in base32 (for the app) and sealed for the enrolment form (valid 15 minutes), naming the account
    /// and the credential stamp it was made under: it cannot be replayed on another account, nor after a credential change.
    /// </summary>
    public (string Base32, string Sealed) NewSecret(string userId, long credentialStamp)
    {
        var base32 = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return (base32, pending.Protect($"{userId}|{credentialStamp}|{base32}", TimeSpan.FromMinutes(15)));
    }

    /// <summary>The pending secret and its stamp, if it was sealed for <paramref name="userId"/> and has not expired; otherwise null.</summary>
    public PendingSecret? Unseal(string? sealedSecret, string userId)
    {
        string payload;
        try
        {
            if (string.IsNullOrEmpty(sealedSecret))
                return null;
            payload = pending.Unprotect(sealedSecret);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        return parts.Length == 3 && parts[0] == userId && long.TryParse(parts[1], out var stamp) ? new PendingSecret(parts[2], stamp) : null;
    }

    public string Protect(string base32) => stored.Protect(base32);

    public static Uri OtpAuthUri(string base32, string email) =>
        new OtpUri(OtpType.Totp, base32, email, "SessionSite", OtpHashMode.Sha1, 6, 30, 0).ToUri();

    /// <summary>The time step <paramref name="code"/> matches for the protected secret, or null.</summary>
    public long? MatchingStep(string protectedSecret, string? code) => MatchingStepOf(stored.Unprotect(protectedSecret), code);

    public long? MatchingStepOf(string base32, string? code)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal);
        if (digits is not { Length: 6 } || !digits.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(base32));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }

    /// <summary>True the first time a step is used for the account; a replayed code (same step or older) is refused.</summary>
    public async Task<bool> ClaimStepAsync(string userId, long step) =>
        (int)await Db.ScriptEvaluateAsync(ClaimStepScript, [RedisKeys.Account(userId)], [step]) == 1;

    /// <summary>
    /// Ten codes of 24 base32 characters from a CSPRNG (120 bits each), shown once, in groups of four to read
    /// (xxxx-xxxx-…); the hyphens and spaces are ignored when a code is typed back, so any grouping is accepted.
    /// At 112 bits or more ASVS (6.5.2) allows a plain hash at rest; fewer would need a salted password hash.
    /// </summary>
    public static IReadOnlyList<string> NewRecoveryCodes() =>
        Enumerable.Range(0, RecoveryCodeCount).Select(_ =>
        {
            var text = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(15)).ToLowerInvariant();
            return string.Join('-', text.Chunk(4).Select(group => new string(group)));
        }).ToList();

    /// <summary>SHA-256: with 120 random bits a code cannot be guessed back from its hash, so no slow hash is needed.</summary>
    public static string HashRecoveryCode(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            code.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())));

    public async Task<long> RecoveryCodesLeftAsync(string userId) => await Db.SetLengthAsync(RedisKeys.RecoveryCodes(userId));

    public async Task<bool> UseRecoveryCodeAsync(string userId, string? code) =>
        !string.IsNullOrWhiteSpace(code) && await Db.SetRemoveAsync(RedisKeys.RecoveryCodes(userId), HashRecoveryCode(code));
}
