using System.Text.Json.Serialization;

namespace SessionSite.Sessions;

/// <summary>
/// One session as Redis stores it: whose it is (user id, email, display name), its times, the
/// device and IP it started from, and whether its sign-in is complete. The profile page and the navbar need nothing
/// else, so a signed-in page costs one read.
/// Every byte is paid once per session in Redis, so the JSON is terse: one-letter names, Unix-second stamps
/// (the expiry keeps milliseconds, the server enforces it exactly), "p" only when true, and no absolute
/// expiry: it is always the creation time plus the configured lifetime (<see cref="SessionLifetime.AbsoluteExpiry(SessionRecord)"/>),
/// and no public handle: it is derived from the storage hash (<see cref="SessionHandle"/>).
/// When the person last proved it was them ("confirm it's you") is kept as seconds after <c>CreatedAt</c>, absent
/// (0) until the first confirmation, since the sign-in itself counts as one: most sessions pay no byte for it.
/// Whether a passkey was used in either step of the sign-in ("q") is written only when it was, for /sessions' mark.
/// </summary>
public sealed record SessionRecord(
    [property: JsonPropertyName("u")] string UserId,
    [property: JsonPropertyName("e")] string Email,
    [property: JsonPropertyName("n")] string DisplayName,
    [property: JsonPropertyName("m"), JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset MemberSince,
    [property: JsonPropertyName("a")] bool IsAuthenticated,
    [property: JsonPropertyName("c"), JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("l"), JsonConverter(typeof(UnixSecondsConverter))] DateTimeOffset LastSeenAt,
    [property: JsonPropertyName("x"), JsonConverter(typeof(UnixMillisecondsConverter))] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("p"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Persistent,
    [property: JsonPropertyName("i")] string? ClientIp,
    [property: JsonPropertyName("d")] string Device,
    [property: JsonPropertyName("v"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool EmailVerified = false,
    [property: JsonPropertyName("r"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long ProfileVersion = 0,
    [property: JsonPropertyName("t"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool PassedTwoStep = false,
    [property: JsonPropertyName("k"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long ConfirmedAfterSeconds = 0,
    [property: JsonPropertyName("q"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool UsedPasskey = false,
    [property: JsonPropertyName("f"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] SessionFactors Factors = SessionFactors.None)
{
    /// <summary>How far the sign-in got, read from the two stored flags; what every check of "signed in" asks.</summary>
    [JsonIgnore]
    public SignInStage Stage =>
        !IsAuthenticated ? SignInStage.PasswordOnly : PassedTwoStep ? SignInStage.CompleteWithSecondStep : SignInStage.Complete;

    [JsonIgnore]
    public bool IsSignedIn => Stage != SignInStage.PasswordOnly;
}
