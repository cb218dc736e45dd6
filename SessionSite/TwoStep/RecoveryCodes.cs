using System.Security.Cryptography;
using System.Text;
using OtpNet;

namespace SessionSite.TwoStep;

/// <summary>
/// Recovery codes: made from a CSPRNG, shown once, kept only as their SHA-256 (<see cref="TwoStepStorage"/>).
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    /// <summary>
    /// Ten codes of 24 base32 characters from a CSPRNG (120 bits each), shown once, in groups of six to read.
    /// At 112 bits or more ASVS (6.5.2) allows a plain hash at rest; fewer would need a salted password hash.
    /// </summary>
    public static IReadOnlyList<string> New() =>
        Enumerable.Range(0, Count).Select(_ =>
        {
            var text = Base32Encoding.ToString(RandomNumberGenerator.GetBytes(15)).ToLowerInvariant();
            return string.Join('-', text.Chunk(6).Select(group => new string(group)));
        }).ToList();

    /// <summary>SHA-256: with 120 random bits a code cannot be guessed back from its hash, so no slow hash is needed.</summary>
    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            code.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).ToLowerInvariant())));
}
