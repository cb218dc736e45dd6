using System.Formats.Cbor;

namespace SessionSite.Passkeys;

/// <summary>
/// A default name for a new passkey from the authenticator model (AAGUID) its attestation names, when it is one
/// people know by name. Most authenticators send all zeros; then the caller falls back to the device label.
/// </summary>
public static class AuthenticatorNames
{
    // Hand-written: no .NET library ships the names; these come from the community-kept list
    // (github.com/passkeydeveloper/passkey-authenticator-aaguids), limited to the common password managers and platforms.
    private static readonly Dictionary<Guid, string> Known = new()
    {
        [Guid.Parse("fbfc3007-154e-4ecc-8c0b-6e020557d7bd")] = "iCloud Keychain",
        [Guid.Parse("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4")] = "Google Password Manager",
        [Guid.Parse("adce0002-35bc-c60a-648b-0b25f1f05503")] = "Chrome on Mac",
        [Guid.Parse("08987058-cadc-4b81-b6e1-30de50dcbe96")] = "Windows Hello",
        [Guid.Parse("9ddd1817-af5a-4672-a2b9-3e3dd95000a9")] = "Windows Hello",
        [Guid.Parse("6028b017-b1d4-4c02-b4b3-afcdafc96bb2")] = "Windows Hello",
        [Guid.Parse("bada5566-a7aa-401f-bd96-45619a55120d")] = "1Password",
        [Guid.Parse("d548826e-79b4-db40-a3d8-11116f7e8349")] = "Bitwarden",
    };

    private const int AaguidOffset = 37; // after the RP id hash (32), the flags (1) and the sign count (4)
    private const byte AttestedDataFlag = 0x40;

    /// <summary>The known name of the model in <paramref name="attestationObject"/>, or null (unknown, zeros, or unreadable).</summary>
    public static string? Of(byte[]? attestationObject) =>
        AaguidOf(attestationObject) is { } aaguid && Known.TryGetValue(aaguid, out var name) ? name : null;

    public static Guid? AaguidOf(byte[]? attestationObject)
    {
        if (attestationObject is null)
            return null;
        try
        {
            var reader = new CborReader(attestationObject, CborConformanceMode.Lax);
            var fields = reader.ReadStartMap() ?? 0;
            for (var i = 0; i < fields; i++)
            {
                var key = reader.ReadTextString();
                if (key != "authData")
                {
                    reader.SkipValue();
                    continue;
                }
                var authData = reader.ReadByteString();
                return authData.Length >= AaguidOffset + 16 && (authData[32] & AttestedDataFlag) != 0
                    ? new Guid(authData.AsSpan(AaguidOffset, 16), bigEndian: true)
                    : null;
            }
        }
        catch (CborContentException)
        {
        }
        catch (InvalidOperationException)
        {
        }
        return null;
    }
}
