namespace SessionSite.Redis;

/// <summary>
/// Every key the site writes. Keys of one user share the hash tag <c>{user:ID}</c>, so they live in one
/// Redis Cluster slot and a script may touch them together.
/// </summary>
public static class RedisKeys
{
    public static string Account(string userId) => $"{{user:{userId}}}:account";

    public static string SessionIndex(string userId) => $"{{user:{userId}}}:sessions";

    /// <summary>Storage hash → why that session was ended, kept a day, so its browser can be told.</summary>
    public static string SessionsEnded(string userId) => $"{{user:{userId}}}:ended";

    public static string Activity(string userId) => $"{{user:{userId}}}:activity";

    /// <summary>SHA-256 of each unused two-step recovery code.</summary>
    public static string RecoveryCodes(string userId) => $"{{user:{userId}}}:recovery";

    /// <summary>Wrong second-step codes in the current window (a sliding-window sorted set).</summary>
    public static string SecondStepFailures(string userId) => $"{{user:{userId}}}:second-step-failures";

    /// <summary>The prefix of the counters of warning mails of one kind sent to the account: it + <c>:window</c>, it + <c>:day</c>.</summary>
    public static string WarningsSent(string userId, string kind) => $"{{user:{userId}}}:warned:{kind}";

    public const string SecondStepFailingWarning = "second-step-failing";

    /// <summary>Email-change requests the account made in the current window.</summary>
    public static string EmailChangeRequests(string userId) => $"{{user:{userId}}}:email-changes";

    /// <summary>Every per-account throttle counter, so deleting the account deletes them too (they expire anyway).</summary>
    public static string[] ThrottleCounters(string userId) =>
    [
        SecondStepFailures(userId), EmailChangeRequests(userId),
        $"{WarningsSent(userId, SecondStepFailingWarning)}:window", $"{WarningsSent(userId, SecondStepFailingWarning)}:day",
    ];

    /// <summary>Set while an event recorded "once per window" may not be recorded again.</summary>
    public static string ActivityMarker(string userId, string eventName) => $"{{user:{userId}}}:activity:{eventName}";

    /// <summary>The user's outstanding mailed links (their key names), so deleting the account can delete them too.</summary>
    public static string Links(string userId) => $"{{user:{userId}}}:links";

    /// <summary>A short infix: there is one of these keys per session, and every byte of it is paid per session.</summary>
    public static string Session(string userId, string storageHash) => $"{{user:{userId}}}:s:{storageHash}";

    /// <summary>One session's wrong answers on "confirm it's you" (a sliding window; past its limit the session ends).</summary>
    public static string ConfirmFailures(string userId, string storageHash) => $"{{user:{userId}}}:confirm:{storageHash}";

    public static string Email(string normalizedEmail) => $"email:{normalizedEmail}";

    /// <summary>A "this wasn't me" link, by the storage hash of its token.</summary>
    public static string Recover(string userId, string storageHash) => $"{{user:{userId}}}:recover:{storageHash}";

    /// <summary>The storage hashes of the user's live "this wasn't me" links, so deleting the account finds them.</summary>
    public static string RecoverLinks(string userId) => $"{{user:{userId}}}:recover";

    /// <summary>HMAC of each browser the user signed in from → when it was last used (Unix ms).</summary>
    public static string KnownDevices(string userId) => $"{{user:{userId}}}:devices";

    /// <summary>HMAC of a browser → when its last new-device notice was sent (Unix ms).</summary>
    public static string DeviceNotices(string userId) => $"{{user:{userId}}}:device-notices";

    /// <summary>The account's passkeys: credential id (base64url) → the stored passkey (JSON: public key, counter, name, dates).</summary>
    public static string Passkeys(string userId) => $"{{user:{userId}}}:passkeys";

    /// <summary>The pending "add a passkey" ceremony (5 minutes, read once with GETDEL).</summary>
    public static string PasskeyRegistration(string userId) => $"{{user:{userId}}}:passkey-reg";

    /// <summary>Credential id (base64url) → the user id that holds it, so no two accounts register one credential.</summary>
    public static string PasskeyLookup(string credentialId) => $"passkey:{credentialId}";

    /// <summary>A sign-in challenge already answered (by the SHA-256 of its sealed state), kept as long as it could live.</summary>
    public static string PasskeyChallengeUsed(string stateHash) => $"passkey-used:{stateHash}";

    /// <summary>The site's device key, sealed with data protection: Redis alone cannot recognise a browser.</summary>
    public const string DeviceKey = "devices:key";
}
