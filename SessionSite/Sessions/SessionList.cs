using SessionSite.Telemetry;

namespace SessionSite.Sessions;

/// <summary>A user's live sessions, as listed by the index and read entry by entry.</summary>
public sealed class SessionList(SessionEntries entries, SessionIndex index, SessionLifetime lifetime, TimeProvider clock, SiteMetrics metrics)
{
    /// <summary>The user's live sessions, newest first; members whose entry is gone are pruned on the way.</summary>
    public async Task<IReadOnlyList<ListedSession>> ListAsync(string userId)
    {
        var now = clock.GetUtcNow();
        var hashes = await index.MembersAsync(userId, now);
        var found = await Task.WhenAll(hashes.Select(async hash => (hash, session: await entries.ReadAsync(userId, hash))));
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
    public async Task RewriteAllAsync(string userId, Func<SessionRecord, SessionRecord> change)
    {
        foreach (var listed in await ListAsync(userId))
            await entries.WriteIfStillListedAsync(userId, listed.StorageHash, change(listed.Session));
    }

    /// <summary>Marks a factor added or removed in every live session of the user, for the home page's checkup.</summary>
    public Task SetFactorAsync(string userId, SessionFactors factor, bool on) =>
        RewriteAllAsync(userId, record => record with { Factors = on ? record.Factors | factor : record.Factors & ~factor });
}

/// <summary>A session as the per-user list sees it: its storage name, its public handle and what it holds.</summary>
public sealed record ListedSession(string StorageHash, SessionRecord Session)
{
    public string Handle { get; } = SessionHandle.Of(StorageHash);
}
