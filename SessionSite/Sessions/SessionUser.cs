using System.Text.Json.Serialization;

namespace SessionSite.Sessions;

/// <summary>
/// The signed-in user as one session stores it. Short JSON names and Unix-millisecond times keep an entry
/// small (the profile page needs nothing else, so it costs one read); each session is one Redis hash of a few hundred bytes.
/// </summary>
public sealed record SessionUser(
    [property: JsonPropertyName("uid")] string UserId,
    [property: JsonPropertyName("em")] string Email,
    [property: JsonPropertyName("dn")] string DisplayName,
    [property: JsonPropertyName("ms"), JsonConverter(typeof(UnixMillisecondsConverter))] DateTimeOffset MemberSince,
    [property: JsonPropertyName("auth")] bool IsAuthenticated,
    [property: JsonPropertyName("h")] string Handle,
    [property: JsonPropertyName("c"), JsonConverter(typeof(UnixMillisecondsConverter))] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("ls"), JsonConverter(typeof(UnixMillisecondsConverter))] DateTimeOffset LastSeenAt,
    [property: JsonPropertyName("x"), JsonConverter(typeof(UnixMillisecondsConverter))] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("ax"), JsonConverter(typeof(UnixMillisecondsConverter))] DateTimeOffset AbsoluteExpiresAt,
    [property: JsonPropertyName("p")] bool Persistent,
    [property: JsonPropertyName("ip")] string? ClientIp,
    [property: JsonPropertyName("dev")] string Device);
