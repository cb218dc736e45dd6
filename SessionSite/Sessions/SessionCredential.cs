using SessionSite.Accounts;

namespace SessionSite.Sessions;

/// <summary>
/// What the cookie carries: the owner's user id and the secret token, as <c>userId.token</c>.
/// The id routes the lookup to the user's hash slot, so a session, its index and its account share one
/// Redis Cluster slot and every multi-key change is a single atomic script.
/// </summary>
public readonly record struct SessionCredential(string UserId, SessionToken Token)
{
    public string CookieValue => $"{UserId}.{Token.Value}";

    /// <summary>Hashed once: the store, the index and the sessions page all ask for it.</summary>
    public string StorageHash { get; } = Token.StorageHash();

    public static bool TryParse(string? cookieValue, out SessionCredential credential)
    {
        credential = default;
        var dot = cookieValue?.IndexOf('.') ?? -1;
        if (dot < 0)
            return false;
        var userId = cookieValue![..dot];
        if (!AccountId.IsValid(userId) || !SessionToken.TryParse(cookieValue[(dot + 1)..], out var token))
            return false;
        credential = new SessionCredential(userId, token);
        return true;
    }

    public override string ToString() => $"SessionCredential({UserId}, redacted)";
}
