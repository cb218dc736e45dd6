using System.ComponentModel.DataAnnotations;

namespace SessionSite.Sessions;

/// <summary>The <c>Session</c> configuration section.</summary>
public sealed class RedisSessionOptions : IValidatableObject
{
    public const string Section = "Session";

    /// <summary>A session unused for this long ends (OWASP suggests 15–30 minutes for ordinary sites).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy it is.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Idle timeout of a "remember me" session.</summary>
    public TimeSpan RememberMeIdleTimeout { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Absolute lifetime of a "remember me" session (ASVS: re-authenticate at least every 30 days).</summary>
    public TimeSpan RememberMeLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How stale "last seen" may get; also the shortest gap between two writes of one session.</summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Cookie name; over HTTPS it is sent as <c>__Host-</c> + this name.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_-]{1,64}$")]
    public string CookieName { get; set; } = "sessionsite";

    /// <summary>Mark the cookie Secure (and use the <c>__Host-</c> name) even on plain HTTP requests.</summary>
    public bool AlwaysSecureCookie { get; set; }

    /// <summary>Most sessions one user may hold at once; 0 means no cap. Past it the least recently used ends.</summary>
    [Range(0, 1000)]
    public int MaxSessionsPerUser { get; set; }

    /// <summary>How long a sign-in or a "confirm it's you" vouches for sensitive changes (GitHub's sudo mode).</summary>
    public TimeSpan StepUpWindow { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IdleTimeout <= TimeSpan.Zero || RememberMeIdleTimeout <= TimeSpan.Zero)
            yield return new ValidationResult("Idle timeouts must be positive.");
        if (AbsoluteLifetime < IdleTimeout)
            yield return new ValidationResult("Session:AbsoluteLifetime must be at least Session:IdleTimeout.");
        if (RememberMeLifetime < RememberMeIdleTimeout)
            yield return new ValidationResult("Session:RememberMeLifetime must be at least Session:RememberMeIdleTimeout.");
        if (TouchInterval <= TimeSpan.Zero)
            yield return new ValidationResult("Session:TouchInterval must be positive.");
        if (StepUpWindow <= TimeSpan.Zero || StepUpWindow > TimeSpan.FromHours(12))
            yield return new ValidationResult("Session:StepUpWindow must be positive and at most 12 hours.");
    }
}
