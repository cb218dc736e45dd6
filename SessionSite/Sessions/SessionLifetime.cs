using Microsoft.Extensions.Options;

namespace SessionSite.Sessions;

/// <summary>
/// When a session expires and when it is worth re-writing. The entry carries an absolute expiry of
/// min(lastSeen + idle, created + absolute) instead of a sliding one, because a sliding IDistributedCache
/// entry costs an extra EXPIRE on every read; re-writing only when due keeps the hot path at one command.
/// </summary>
public sealed class SessionLifetime(IOptions<RedisSessionOptions> options)
{
    private RedisSessionOptions Options => options.Value;

    public TimeSpan IdleTimeout(bool persistent) => persistent ? Options.RememberMeIdleTimeout : Options.IdleTimeout;

    /// <summary>A session whose password is checked but whose second step is not lives this long, whatever else is set.</summary>
    public static readonly TimeSpan HalfSignedInLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Derived, not stored: a lifetime changed in configuration applies to existing sessions too.</summary>
    public DateTimeOffset AbsoluteExpiry(SessionRecord session) =>
        session.CreatedAt + (!session.IsSignedIn ? HalfSignedInLifetime : session.Persistent ? Options.RememberMeLifetime : Options.AbsoluteLifetime);

    public DateTimeOffset ExpiryAfterUse(SessionRecord session, DateTimeOffset now)
    {
        var idleEnd = now + IdleTimeout(session.Persistent);
        var absoluteEnd = AbsoluteExpiry(session);
        return idleEnd < absoluteEnd ? idleEnd : absoluteEnd;
    }

    /// <summary>
    /// The stored expiry, or the absolute lifetime as configured now: a lifetime shortened since the session was
    /// written ends it here, instead of a touch computing an expiry already in the past.
    /// </summary>
    public bool IsExpired(SessionRecord session, DateTimeOffset now) => now >= session.ExpiresAt || now >= AbsoluteExpiry(session);

    /// <summary>
    /// Re-write when "last seen" is a touch interval old, or when less than half the idle window remains and
    /// sliding can still extend it (once capped by the absolute lifetime, re-writing would gain nothing).
    /// </summary>
    public bool NeedsTouch(SessionRecord session, DateTimeOffset now) =>
        now - session.LastSeenAt >= Options.TouchInterval
        || (session.ExpiresAt < AbsoluteExpiry(session) && session.ExpiresAt - now < IdleTimeout(session.Persistent) / 2);

    /// <summary>When the person last proved it was them: the sign-in, or a later "confirm it's you".</summary>
    public static DateTimeOffset ConfirmedAt(SessionRecord session) => session.CreatedAt.AddSeconds(session.ConfirmedAfterSeconds);

    /// <summary>True while that proof still vouches for a sensitive change (<see cref="RedisSessionOptions.StepUpWindow"/>).</summary>
    public bool IsRecentlyConfirmed(SessionRecord session, DateTimeOffset now) =>
        session.IsSignedIn && now - ConfirmedAt(session) < Options.StepUpWindow;
}
