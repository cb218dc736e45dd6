using SessionSite.Sessions;

namespace SessionSite.Links;

/// <summary>
/// What a mailed link carries: the owner's user id and the secret, as <c>userId.token</c>, the shape of the session
/// cookie. The id names the user's hash slot, so the script that applies the link reaches the link, the account
/// and its sessions together (one slot on Redis Cluster).
/// </summary>
public readonly record struct LinkToken(string UserId, SessionToken Secret)
{
    public string Value => $"{UserId}.{Secret.Value}";

    public static LinkToken New(string userId) => new(userId, SessionToken.Create());

    // Same text shape as the session cookie, so the same parser (with its id and token checks) reads it.
    public static bool TryParse(string? text, out LinkToken token)
    {
        token = default;
        if (!SessionCredential.TryParse(text, out var parsed))
            return false;
        token = new LinkToken(parsed.UserId, parsed.Token);
        return true;
    }

    public override string ToString() => $"LinkToken({UserId}, redacted)";
}
