using System.Text.Json.Serialization;

namespace SessionSite.Accounts;

/// <summary>
/// What "download your data" returns: the account (never its password hash), its sessions, its activity and its
/// passkeys (names and dates only: never a credential id, public key or other key material).
/// </summary>
public sealed record PersonalData(
    PersonalData.AccountPart Account,
    IReadOnlyList<PersonalData.SessionPart> Sessions,
    IReadOnlyList<PersonalData.ActivityPart> Activity,
    IReadOnlyList<PersonalData.PasskeyPart> Passkeys)
{
    public sealed record AccountPart(string Id, string Email, bool EmailVerified, string DisplayName, DateTimeOffset MemberSince);

    public sealed record SessionPart(string Device, string? Ip, DateTimeOffset SignedIn, DateTimeOffset LastSeen, DateTimeOffset Expires, bool Persistent, bool ThisBrowser);

    public sealed record ActivityPart(string Event, DateTimeOffset At, string Device, string? Ip);

    public sealed record PasskeyPart(string Name, DateTimeOffset Added, DateTimeOffset? LastUsed, bool Synced);
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PersonalData))]
internal sealed partial class PersonalDataJsonContext : JsonSerializerContext;
