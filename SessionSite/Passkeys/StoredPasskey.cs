using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;

namespace SessionSite.Passkeys;

/// <summary>
/// One passkey as the user's passkey hash keeps it (field: the credential id in base64url). Terse names, and the
/// transports joined in one string: the Lua scripts that update a passkey re-encode it with cjson, which would
/// turn an empty array into an object. Times are Unix milliseconds from the site's clock.
/// </summary>
public sealed record StoredPasskey(
    [property: JsonPropertyName("pk")] string PublicKey,
    [property: JsonPropertyName("sc")] uint SignCount,
    [property: JsonPropertyName("tr")] string Transports,
    [property: JsonPropertyName("uv")] bool IsUserVerified,
    [property: JsonPropertyName("be")] bool IsBackupEligible,
    [property: JsonPropertyName("bs")] bool IsBackedUp,
    [property: JsonPropertyName("n")] string Name,
    [property: JsonPropertyName("a")] long AddedAt,
    [property: JsonPropertyName("u")] long LastUsedAt = 0)
{
    public static StoredPasskey From(UserPasskeyInfo info, string name, DateTimeOffset addedAt) =>
        new(Base64Url.EncodeToString(info.PublicKey), info.SignCount, string.Join(',', info.Transports ?? []), info.IsUserVerified,
            info.IsBackupEligible, info.IsBackedUp, name, addedAt.ToUnixTimeMilliseconds());

    /// <summary>What the framework's handler checks an assertion against (no attestation kept: the site asks for none).</summary>
    public UserPasskeyInfo ToInfo(byte[] credentialId) =>
        new(credentialId, Base64Url.DecodeFromChars(PublicKey), DateTimeOffset.FromUnixTimeMilliseconds(AddedAt), SignCount,
            Transports.Length == 0 ? [] : Transports.Split(','), IsUserVerified, IsBackupEligible, IsBackedUp, [], [])
        {
            Name = Name,
        };

    public string ToJson() => JsonSerializer.Serialize(this, PasskeyJsonContext.Default.StoredPasskey);

    public static StoredPasskey? FromJson(string json) => JsonSerializer.Deserialize(json, PasskeyJsonContext.Default.StoredPasskey);
}

/// <summary>A passkey as the passkeys page lists it.</summary>
public sealed record PasskeyListing(string Id, string Name, DateTimeOffset AddedAt, DateTimeOffset? LastUsedAt, bool Synced);

[JsonSerializable(typeof(StoredPasskey))]
internal sealed partial class PasskeyJsonContext : JsonSerializerContext;
