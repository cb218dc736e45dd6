using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SessionSite.Sessions;

/// <summary>The secret half of a session cookie: 32 random bytes, base64url. Redis only ever sees its SHA-256.</summary>
public readonly record struct SessionToken
{
    private const int ByteLength = 32;
    private const int TextLength = 43; // base64url of 32 bytes, unpadded

    private SessionToken(string value) => Value = value;

    public string Value { get; }

    public static SessionToken Create() => new(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength)));

    public static bool TryParse(string? text, out SessionToken token)
    {
        token = default;
        if (text is null || text.Length != TextLength || !Base64Url.IsValid(text, out var decodedLength) || decodedLength != ByteLength)
            return false;
        token = new SessionToken(text);
        return true;
    }

    /// <summary>Base64url SHA-256 of the token (43 characters, not 64 in hex): the storage name of the session, useless as a cookie.</summary>
    public string StorageHash() => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Value)));

    public override string ToString() => "SessionToken(redacted)";
}
