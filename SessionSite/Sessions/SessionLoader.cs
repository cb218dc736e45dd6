using SessionSite.Accounts;
using SessionSite.Telemetry;

namespace SessionSite.Sessions;

/// <summary>
/// A signed-in request's session: one read, a re-write only when <see cref="SessionLifetime.NeedsTouch"/>, and a
/// refresh from the account when the index says its name or address changed since the entry was written.
/// </summary>
public sealed class SessionLoader(
    SessionEntries entries, SessionIndex index, SessionRevocation revocation, SessionLifetime lifetime, TimeProvider clock, UserStore users, SiteMetrics metrics)
{
    /// <summary>The session the credential names, or null.</summary>
    public async Task<SessionRecord?> LoadAsync(SessionCredential credential)
    {
        var session = await entries.ReadAsync(credential.UserId, credential.StorageHash);
        var now = clock.GetUtcNow();
        if (session is null)
            return null;
        if (lifetime.IsExpired(session, now))
        {
            // Past a lifetime shortened since it was written, Redis would still keep it: end it for every instance.
            if (now < session.ExpiresAt)
                await revocation.DeleteAsync(credential);
            metrics.SessionsEnded(MetricTags.Expired);
            return null;
        }
        if (!lifetime.NeedsTouch(session, now))
            return session;

        var touched = session with { LastSeenAt = SessionEntries.WholeSeconds(now), ExpiresAt = lifetime.ExpiryAfterUse(session, now) };
        await entries.WriteAsync(credential.UserId, credential.StorageHash, touched);
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
                await entries.WriteAsync(credential.UserId, credential.StorageHash, refreshed);
                return refreshed;
        }
        await entries.RemoveAsync(credential.UserId, credential.StorageHash);
        return null;
    }
}
