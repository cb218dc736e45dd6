using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using SessionSite.Accounts;
using SessionSite.Activity;
using SessionSite.Redis;
using SessionSite.Telemetry;

namespace SessionSite.Sessions;

/// <summary>Sessions: one IDistributedCache entry each, keyed by the token's hash, listed in the owner's index.</summary>
public sealed class SessionStore(
    IDistributedCache cache,
    SessionIndex index,
    SessionLifetime lifetime,
    IOptions<RedisSessionOptions> options,
    TimeProvider clock,
    UserStore users,
    SiteMetrics metrics,
    ILogger<SessionStore> logger)
{
    /// <summary>
    /// A new session for an account whose password was just checked, or null when the password changed meanwhile
    /// (its credential stamp moved on, or a change ended every session while this one was being written).
    /// </summary>
    public async Task<BrowserSession?> CreateAsync(
        Account account, bool persistent, ClientDescription client, bool authenticated = true, bool passedTwoStep = false)
    {
        var now = clock.GetUtcNow();
        var stamp = WholeSeconds(now);
        var credential = new SessionCredential(account.Id, SessionToken.Create());
        var draft = new SessionRecord(
            account.Id, account.Email, account.DisplayName, account.CreatedAt, IsAuthenticated: authenticated,
            CreatedAt: stamp, LastSeenAt: stamp, ExpiresAt: stamp, persistent, client.Ip, client.Device, account.EmailVerified,
            account.ProfileVersion, passedTwoStep,
            Factors: (account.TwoStepSecret is null ? SessionFactors.None : SessionFactors.TwoStep)
                     | (await users.HasPasskeysAsync(account.Id) ? SessionFactors.Passkey : SessionFactors.None));
        var session = draft with { ExpiresAt = lifetime.ExpiryAfterUse(draft, now) };

        // Index first: a crash between the two leaves a member without an entry, which listing prunes;
        // the other order could leave a live session that no list shows and no one can revoke.
        if (!await index.AddAsync(account.Id, credential.StorageHash, session.ExpiresAt, now, account.CredentialStamp))
            return null;
        // A password change that ended every session between the two steps must win, as it does at a touch.
        if (!await WriteIfStillListedAsync(credential.UserId, credential.StorageHash, session))
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
            LastSeenAt = WholeSeconds(now),
            ConfirmedAfterSeconds = Math.Max(0, WholeSeconds(now).ToUnixTimeSeconds() - old.Record.CreatedAt.ToUnixTimeSeconds()),
        };
        confirmed = confirmed with { ExpiresAt = lifetime.ExpiryAfterUse(confirmed, now) };
        if (!await index.ReplaceAsync(account.Id, old.Credential.StorageHash, credential.StorageHash, confirmed.ExpiresAt, now, account.CredentialStamp))
            return null;
        if (!await WriteIfStillListedAsync(credential.UserId, credential.StorageHash, confirmed))
            return null;
        return new BrowserSession(credential, confirmed);
    }

    /// <summary>The session the credential names, or null; re-writes it only when <see cref="SessionLifetime.NeedsTouch"/>.</summary>
    public async Task<SessionRecord?> LoadAsync(SessionCredential credential)
    {
        var session = await ReadAsync(credential.UserId, credential.StorageHash);
        var now = clock.GetUtcNow();
        if (session is null)
            return null;
        if (lifetime.IsExpired(session, now))
        {
            // Past a lifetime shortened since it was written, Redis would still keep it: end it for every instance.
            if (now < session.ExpiresAt)
                await DeleteAsync(credential);
            metrics.SessionsEnded(MetricTags.Expired);
            return null;
        }
        if (!lifetime.NeedsTouch(session, now))
            return session;

        var touched = session with { LastSeenAt = WholeSeconds(now), ExpiresAt = lifetime.ExpiryAfterUse(session, now) };
        await WriteAsync(credential.UserId, credential.StorageHash, touched);
        // Checked after the write: if the session was revoked meanwhile, the write must not resurrect it; if the
        // account's name or address changed meanwhile, the write must not keep the old ones.
        switch (await index.UpdateIfPresentAsync(credential.UserId, credential.StorageHash, touched.ExpiresAt, now, touched.ProfileVersion))
        {
            case TouchOutcome.Touched:
                return touched;
            case TouchOutcome.Stale when await users.FindByIdAsync(credential.UserId) is { } account:
                var refreshed = touched with
                {
                    Email = account.Email, DisplayName = account.DisplayName, EmailVerified = account.EmailVerified, ProfileVersion = account.ProfileVersion,
                };
                await WriteAsync(credential.UserId, credential.StorageHash, refreshed);
                return refreshed;
        }
        await cache.RemoveAsync(RedisKeys.Session(credential.UserId, credential.StorageHash));
        return null;
    }

    /// <summary>Ends the session the credential names; how many ended (0 when it was gone already).</summary>
    public Task<int> DeleteAsync(SessionCredential credential) =>
        index.RemoveAsync(credential.UserId, [credential.StorageHash], clock.GetUtcNow());

    /// <summary>The user's live sessions, newest first; members whose entry is gone are pruned on the way.</summary>
    public async Task<IReadOnlyList<ListedSession>> ListAsync(string userId)
    {
        var now = clock.GetUtcNow();
        var hashes = await index.MembersAsync(userId, now);
        var found = await Task.WhenAll(hashes.Select(async hash => (hash, session: await ReadAsync(userId, hash))));
        var orphans = found.Where(f => f.session is null || lifetime.IsExpired(f.session, now)).Select(f => f.hash).ToArray();
        if (orphans.Length > 0)
        {
            // Listed but gone or past their time: Redis expired them, and this is when the site notices.
            await index.RemoveAsync(userId, orphans, now);
            metrics.SessionsEnded(MetricTags.Expired, orphans.Length);
        }
        return found
            .Where(f => !orphans.Contains(f.hash))
            .Select(f => new ListedSession(f.hash, f.session!))
            .OrderByDescending(s => s.Session.CreatedAt)
            .ToList();
    }

    /// <summary>
    /// Rewrites every live session of the user (a changed or verified email), keeping each one's expiry, so every
    /// browser shows the change on its next request at no cost to ordinary requests. Like a touch, it re-checks
    /// each member after writing, so a session revoked meanwhile is not brought back.
    /// </summary>
    /// <summary>Marks a factor added or removed in every live session of the user, for the home page's checkup.</summary>
    public Task SetFactorAsync(string userId, SessionFactors factor, bool on) =>
        RewriteAllAsync(userId, record => record with { Factors = on ? record.Factors | factor : record.Factors & ~factor });

    public async Task RewriteAllAsync(string userId, Func<SessionRecord, SessionRecord> change)
    {
        foreach (var listed in await ListAsync(userId))
            await WriteIfStillListedAsync(userId, listed.StorageHash, change(listed.Session));
    }

    /// <summary>Ends one of the user's listed sessions; false when it had ended meanwhile.</summary>
    public async Task<bool> RevokeAsync(string userId, ListedSession target) =>
        await index.RemoveAsync(userId, [target.StorageHash], clock.GetUtcNow(), EndReason.SignedOutElsewhere) > 0;

    public Task<string?> EndReasonAsync(SessionCredential credential) => index.EndReasonAsync(credential.UserId, credential.StorageHash);

    /// <summary>Ends every session of the user but the one named; returns how many ended.</summary>
    public async Task<int> RevokeAllExceptAsync(string userId, string? keepStorageHash, string reason = EndReason.SignedOutElsewhere)
    {
        var now = clock.GetUtcNow();
        var others = (await index.MembersAsync(userId, now)).Where(hash => hash != keepStorageHash).ToArray();
        return others.Length == 0 ? 0 : await index.RemoveAsync(userId, others, now, reason);
    }

    private async Task EnforceCapAsync(string userId, string newStorageHash)
    {
        var cap = options.Value.MaxSessionsPerUser;
        if (cap <= 0)
            return;
        var sessions = await ListAsync(userId);
        var leastRecentlyUsed = sessions
            .Where(s => s.StorageHash != newStorageHash)
            .OrderBy(s => s.Session.LastSeenAt)
            .Take(sessions.Count - cap)
            .Select(s => s.StorageHash)
            .ToArray();
        if (leastRecentlyUsed.Length > 0)
            metrics.SessionsEnded(MetricTags.CapEvicted, await index.RemoveAsync(userId, leastRecentlyUsed, clock.GetUtcNow(), EndReason.SignedOutElsewhere));
    }

    private async Task<SessionRecord?> ReadAsync(string userId, string storageHash)
    {
        var bytes = await cache.GetAsync(RedisKeys.Session(userId, storageHash));
        if (bytes is null)
            return null;
        try
        {
            var session = JsonSerializer.Deserialize(bytes, SessionJsonContext.Default.SessionRecord);
            if (session?.UserId == userId)
                return session;
            SessionStoreLog.UserMismatch(logger);
            return null;
        }
        catch (JsonException)
        {
            SessionStoreLog.Unreadable(logger);
            return null;
        }
    }

    // Stamps are stored in whole seconds; truncating them here keeps what this request holds equal to what it stored.
    private static DateTimeOffset WholeSeconds(DateTimeOffset time) => DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds());

    /// <summary>
    /// Writes the entry, then checks its index member: if the session was ended while it was being written, the
    /// write is undone rather than bringing it back. False when it was ended.
    /// </summary>
    private async Task<bool> WriteIfStillListedAsync(string userId, string storageHash, SessionRecord session)
    {
        await WriteAsync(userId, storageHash, session);
        if (await index.ContainsAsync(userId, storageHash))
            return true;
        await cache.RemoveAsync(RedisKeys.Session(userId, storageHash));
        return false;
    }

    // The cache library sets whole-second TTLs, rounding down: a second of slack keeps Redis from deleting a
    // live session early, while LoadAsync enforces the exact expiry instant.
    private Task WriteAsync(string userId, string storageHash, SessionRecord session) =>
        cache.SetAsync(
            RedisKeys.Session(userId, storageHash),
            JsonSerializer.SerializeToUtf8Bytes(session, SessionJsonContext.Default.SessionRecord),
            new DistributedCacheEntryOptions { AbsoluteExpiration = session.ExpiresAt + TimeSpan.FromSeconds(1) });
}

/// <summary>A session as the per-user list sees it: its storage name, its public handle and what it holds.</summary>
public sealed record ListedSession(string StorageHash, SessionRecord Session)
{
    public string Handle { get; } = SessionHandle.Of(StorageHash);
}

/// <summary>Corruption made visible, without the key, token, hash or user id that would identify the session.</summary>
internal static partial class SessionStoreLog
{
    [LoggerMessage(3001, LogLevel.Warning, "A session entry could not be read as a session record; it is treated as signed out")]
    public static partial void Unreadable(ILogger logger);

    [LoggerMessage(3002, LogLevel.Warning, "A session entry names another user than its key; it is treated as signed out")]
    public static partial void UserMismatch(ILogger logger);
}
