using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SessionSite.Tests.Passkeys;

/// <summary>
/// A passkey authenticator in software: one ES256 key (P-256, <see cref="ECDsa"/>), a credential id and a counter.
/// It answers the site's options JSON as a browser would (<c>PublicKeyCredential.toJSON()</c>), and can also
/// answer as no honest browser would: without the user-verified flag, with a counter gone backwards, or naming
/// another account's user handle.
/// </summary>
public sealed class SoftwareAuthenticator : IDisposable
{
    private const byte UserPresent = 0x01, UserVerified = 0x04, AttestedData = 0x40;

    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public string CredentialIdText => Base64Url.EncodeToString(CredentialId);

    /// <summary>The next counter value sent; starts at 1 (an authenticator that counts).</summary>
    public uint SignCount { get; set; } = 1;

    /// <summary>False: an authenticator without a counter (always 0), which WebAuthn allows: only the challenge stops a replay.</summary>
    public bool Counts { get; init; } = true;

    /// <summary>The authenticator model it claims at registration; all zeros, as many authenticators send, by default.</summary>
    public Guid Aaguid { get; init; } = Guid.Empty;

    /// <summary>The user handle the site gave at registration (the account id), sent back with each assertion.</summary>
    public string? UserHandle { get; private set; }

    /// <summary>The credential JSON for <c>navigator.credentials.create</c>'s options, "none" attestation.</summary>
    public string Register(string creationOptionsJson, string origin)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        var rpId = options["rp"]!["id"]!.GetValue<string>();
        UserHandle = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(options["user"]!["id"]!.GetValue<string>()));
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>(), origin);
        var parameters = key.ExportParameters(false);
        byte[] cosePublicKey =
        [
            0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. parameters.Q.X!, 0x22, 0x58, 0x20, .. parameters.Q.Y!,
        ];
        var credentialIdLength = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(credentialIdLength, (ushort)CredentialId.Length);
        byte[] authData =
        [
            .. AuthenticatorData(rpId, UserPresent | UserVerified | AttestedData, 0), .. Aaguid.ToByteArray(bigEndian: true), .. credentialIdLength, .. CredentialId, .. cosePublicKey,
        ];
        byte[] attestationObject =
        [
            0xA3, .. CborText("fmt"), .. CborText("none"), .. CborText("attStmt"), 0xA0, .. CborText("authData"), .. CborBytes(authData),
        ];
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["attestationObject"] = Base64Url.EncodeToString(attestationObject),
            ["transports"] = new JsonArray("internal"),
        });
    }

    /// <summary>The credential JSON answering <c>navigator.credentials.get</c>'s options; the counter moves on.</summary>
    public string Assert(string requestOptionsJson, string origin, bool userVerified = true, string? userHandle = null)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var rpId = options["rpId"]!.GetValue<string>();
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>(), origin);
        var authData = AuthenticatorData(rpId, (byte)(UserPresent | (userVerified ? UserVerified : 0)), Counts ? SignCount++ : 0);
        var signature = key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return Credential(new JsonObject
        {
            ["clientDataJSON"] = Base64Url.EncodeToString(clientData),
            ["authenticatorData"] = Base64Url.EncodeToString(authData),
            ["signature"] = Base64Url.EncodeToString(signature),
            ["userHandle"] = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(userHandle ?? UserHandle ?? "")),
        });
    }

    private string Credential(JsonObject response) => new JsonObject
    {
        ["id"] = CredentialIdText,
        ["rawId"] = CredentialIdText,
        ["type"] = "public-key",
        ["authenticatorAttachment"] = "platform",
        ["response"] = response,
        ["clientExtensionResults"] = new JsonObject(),
    }.ToJsonString();

    private static byte[] ClientData(string type, string challenge, string origin) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = origin, ["crossOrigin"] = false });

    private static byte[] AuthenticatorData(string rpId, int flags, uint signCount)
    {
        var counter = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(counter, signCount);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), (byte)flags, .. counter];
    }

    private static byte[] CborText(string text) => [(byte)(0x60 | text.Length), .. Encoding.ASCII.GetBytes(text)];

    private static byte[] CborBytes(byte[] bytes) =>
        bytes.Length < 256 ? [0x58, (byte)bytes.Length, .. bytes] : [0x59, (byte)(bytes.Length >> 8), (byte)bytes.Length, .. bytes];

    public void Dispose() => key.Dispose();
}
