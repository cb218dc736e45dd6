using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Telemetry;
using SessionSite.Web;

namespace SessionSite.Sessions;

/// <summary>
/// New sessions: made at sign-in, and made again under a new token when "confirm it's you" succeeds; the cap on
/// sessions per user applied as each is made.
/// </summary>
public sealed class SessionStore(
    SessionEntries entries,
    SessionIndex index,
    SessionList list,
    SessionRevocation revocation,
    SessionLifetime lifetime,
    IOptions<RedisSessionOptions> options,
    TimeProvider clock,
    UserStore users,
    SiteMetrics metrics)
{
    /// <summary>
    /// A new session for an account whose password was just checked, or null when the password changed meanwhile
    /// (its credential stamp moved on, or a change ended every session while this one was being written).
    /// <paramref name="confirmedAt"/>: when the person last proved it was them, if not now (a session renewed after
    /// a password change keeps its predecessor's, so the change does not stand in for "confirm it's you").
    /// </summary>
    public async Task<BrowserSession?> CreateAsync(
        Account account, bool persistent, ClientDescription client, bool authenticated = true, bool passedTwoStep = false, bool usedPasskey = false,
        DateTimeOffset? confirmedAt = null)
    {
        var now = clock.GetUtcNow();
        var stamp = SessionEntries.WholeSeconds(now);
        var credential = new SessionCredential(account.Id, SessionToken.Create());
        var draft = new SessionRecord(
            account.Id, account.Email, account.DisplayName, account.CreatedAt, IsAuthenticated: authenticated,
            CreatedAt: stamp, LastSeenAt: stamp, ExpiresAt: stamp, persistent, client.Ip, client.Device, account.EmailVerified,
            account.ProfileVersion, passedTwoStep, UsedPasskey: usedPasskey,
            Factors: (account.TwoStepSecret is null ? SessionFactors.None : SessionFactors.TwoStep)
                     | (await users.HasPasskeysAsync(account.Id) ? SessionFactors.Passkey : SessionFactors.None));
        var session = draft with
        {
            ExpiresAt = lifetime.ExpiryAfterUse(draft, now),
            // Negative when the proof came before this session began: ConfirmedAt is then that earlier time.
            ConfirmedAfterSeconds = confirmedAt is { } earlier ? Math.Min(0, earlier.ToUnixTimeSeconds() - stamp.ToUnixTimeSeconds()) : 0,
        };

        // Index first: a crash between the two leaves a member without an entry, which listing prunes;
        // the other order could leave a live session that no list shows and no one can revoke.
        if (!await index.AddAsync(account.Id, credential.StorageHash, session.ExpiresAt, now, account.CredentialStamp))
            return null;
        // A password change that ended every session between the two steps must win, as it does at a touch.
        if (!await entries.WriteIfStillListedAsync(credential.UserId, credential.StorageHash, session))
            return null;
        await EnforceCapAsync(account.Id, credential.StorageHash);
        return new BrowserSession(credential, session);
    }

    /// <summary>
    /// "Confirm it's you" succeeded: the same session under a new token (the old key gone in the same step), with the
    /// confirmation time recorded. Null when the session ended or the account's credentials changed since the check.
    /// </summary>
    public async Task<BrowserSession?> ConfirmAsync(BrowserSession old, Account account)
    {
        var now = clock.GetUtcNow();
        var credential = new SessionCredential(account.Id, SessionToken.Create());
        var confirmed = old.Record with
        {
            LastSeenAt = SessionEntries.WholeSeconds(now),
            ConfirmedAfterSeconds = Math.Max(0, SessionEntries.WholeSeconds(now).ToUnixTimeSeconds() - old.Record.CreatedAt.ToUnixTimeSeconds()),
        };
        confirmed = confirmed with { ExpiresAt = lifetime.ExpiryAfterUse(confirmed, now) };
        if (!await index.ReplaceAsync(account.Id, old.Credential.StorageHash, credential.StorageHash, confirmed.ExpiresAt, now, account.CredentialStamp))
            return null;
        if (!await entries.WriteIfStillListedAsync(credential.UserId, credential.StorageHash, confirmed))
            return null;
        return new BrowserSession(credential, confirmed);
    }

    // The least recently used sessions beyond the cap end as the new one starts.
    private async Task EnforceCapAsync(string userId, string newStorageHash)
    {
        var cap = options.Value.MaxSessionsPerUser;
        if (cap <= 0)
            return;
        var sessions = await list.ListAsync(userId);
        var leastRecentlyUsed = sessions
            .Where(s => s.StorageHash != newStorageHash)
            .OrderBy(s => s.Session.LastSeenAt)
            .Take(sessions.Count - cap)
            .Select(s => s.StorageHash)
            .ToArray();
        if (leastRecentlyUsed.Length > 0)
            metrics.SessionsEnded(MetricTags.CapEvicted, await revocation.RevokeManyAsync(userId, leastRecentlyUsed, EndReason.SignedOutElsewhere));
    }
}
