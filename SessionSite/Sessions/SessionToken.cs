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

    /// <summary>
    /// The storage name of the session, useless as a cookie: the first 128 bits of the token's SHA-256, base64url
    /// (22 characters). Finding a token for a given name still takes 2^128 tries, and every character is paid
    /// twice per session in Redis (the entry's key and its index member), so the other 128 bits are not kept.
    /// </summary>
    public string StorageHash() => Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(Value)).AsSpan(0, StorageHashBytes));

    private const int StorageHashBytes = 16;

    public override string ToString() => "SessionToken(redacted)";
}
