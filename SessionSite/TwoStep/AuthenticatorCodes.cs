using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using SessionSite.Accounts;

namespace SessionSite.TwoStep;

/// <summary>
/// Authenticator-app codes (RFC 6238 via Otp.NET: SHA-1, 6 digits, 30 s) checked against the server's clock only,
/// ±1 step for drift. The secret is kept encrypted with ASP.NET data protection. Which step was already used is
/// the account's to remember (<see cref="TwoStepStorage.ClaimStepAsync"/>), so this class touches no storage.
/// </summary>
public sealed class AuthenticatorCodes(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>RFC 6238's time step, which the app uses too; a claimed step times this is when it was used.</summary>
    public const int StepSeconds = AccountFields.TwoStepStepSeconds;

    private readonly IDataProtector stored = protection.CreateProtector("SessionSite.TwoStep.Secret");

    /// <summary>The secret as it is kept in the account hash.</summary>
    public string Protect(string base32) => stored.Protect(base32);

    /// <summary>The time step <paramref name="code"/> matches for the protected secret, or null.</summary>
    public long? MatchingStep(string protectedSecret, string? code) => MatchingStepOf(stored.Unprotect(protectedSecret), code);

    public long? MatchingStepOf(string base32, string? code)
    {
        var digits = code?.Replace(" ", "", StringComparison.Ordinal);
        if (digits is not { Length: 6 } || !digits.All(char.IsAsciiDigit))
            return null;
        var totp = new Totp(Base32Encoding.ToBytes(base32), StepSeconds);
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, new VerificationWindow(previous: 1, future: 1)) ? step : null;
    }
}
