using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace SessionSite.TwoStep;

/// <summary>
/// The secret of an authenticator being added: made here, shown to the app, and carried sealed in the enrolment
/// form (data protection, 15 minutes) until its first code proves the app has it. Nothing is stored before that.
/// </summary>
public sealed class EnrolmentSecrets(IDataProtectionProvider protection)
{
    private const int SecretBytes = 20; // 160 bits, RFC 4226's recommendation for SHA-1

    private readonly ITimeLimitedDataProtector pending = protection.CreateProtector("SessionSite.TwoStep.Enrolment").ToTimeLimitedDataProtector();

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

    /// <summary>The otpauth:// address the app reads from the QR code.</summary>
    public static Uri OtpAuthUri(string base32, string email) =>
        new OtpUri(OtpType.Totp, base32, email, "SessionSite", OtpHashMode.Sha1, 6, AuthenticatorCodes.StepSeconds, 0).ToUri();
}
