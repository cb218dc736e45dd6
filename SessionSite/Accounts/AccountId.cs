using System.Buffers.Text;
using System.Security.Cryptography;

namespace SessionSite.Accounts;

/// <summary>
/// Account ids are 16 random bytes (not a counter), so they reveal neither how many accounts exist nor which came
/// first. Base64url rather than hex: the id is in every key and session entry of the user, and 22 characters
/// instead of 32 keeps a session entry under 400 bytes of Redis memory.
/// </summary>
public static class AccountId
{
    private const int ByteLength = 16;
    private const int TextLength = 22; // base64url of 16 bytes, unpadded

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(ByteLength));

    public static bool IsValid(string? value) =>
        value is { Length: TextLength } && Base64Url.IsValid(value, out var decodedLength) && decodedLength == ByteLength
        || IsLegacy(value);

    // Accounts made before ids were base64url have 32 lowercase hex characters; their owners must still be able to sign in.
    private static bool IsLegacy(string? value) =>
        value is { Length: 32 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
