using System.ComponentModel.DataAnnotations;

namespace SessionSite.Throttling;

/// <summary>
/// The <c>Throttling</c> section: failed sign-ins per client IP and per account, wrong second-step codes per
/// account, sign-ups per IP, and mail that strangers can cause (links, email changes, sign-up notices).
/// </summary>
public sealed class ThrottlingOptions : IValidatableObject
{
    public const string Section = "Throttling";

    /// <summary>Failed sign-ins one client IP may make per window, whatever the accounts.</summary>
    [Range(1, 100_000)]
    public int IpFailureLimit { get; set; } = 50;

    public TimeSpan IpWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failed sign-ins one account may receive per window (20 per 15 min = at most 80 an hour; ASVS allows 100).</summary>
    [Range(1, 100)]
    public int AccountFailureLimit { get; set; } = 20;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wrong passwords or codes one session may send to "confirm it's you" before it is ended.</summary>
    [Range(1, 100)]
    public int ConfirmFailureLimit { get; set; } = 10;

    /// <summary>
    /// Wrong two-step or recovery codes one account may receive per window. Counted apart from passwords, so a right
    /// password does not clear them: only a completed second step does.
    /// </summary>
    [Range(1, 100)]
    public int SecondStepFailureLimit { get; set; } = 10;

    public TimeSpan SecondStepWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Accounts one client IP may create per window (counted in Redis; refused attempts do not count).</summary>
    [Range(1, 100_000)]
    public int SignUpLimit { get; set; } = 10;

    /// <summary>Sign-up posts, successful or not, one client IP may make per window (per instance: the framework's rate limiter).</summary>
    [Range(1, 1_000_000)]
    public int SignUpAttemptLimit { get; set; } = 100;

    public TimeSpan SignUpWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Mailed links (reset, verification) one address may ask for per window; past it nothing is sent.</summary>
    [Range(1, 1000)]
    public int LinkRequestsPerAddress { get; set; } = 3;

    /// <summary>Mailed links one client IP may ask for per window, whatever the addresses.</summary>
    [Range(1, 100_000)]
    public int LinkRequestsPerIp { get; set; } = 20;

    public TimeSpan LinkRequestWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Email-change requests one account may make per <see cref="LinkRequestWindow"/>; past it nothing is sent.</summary>
    [Range(1, 1000)]
    public int EmailChangesPerAccount { get; set; } = 5;

    /// <summary>Email-change links one target address may receive per <see cref="LinkRequestWindow"/>, whatever the accounts asking.</summary>
    [Range(1, 1000)]
    public int EmailChangesPerAddress { get; set; } = 3;

    /// <summary>Email-change requests one client IP may make per <see cref="LinkRequestWindow"/>.</summary>
    [Range(1, 100_000)]
    public int EmailChangesPerIp { get; set; } = 20;

    /// <summary>"Someone tried to sign up with your address" notices one address may receive per <see cref="LinkRequestWindow"/>.</summary>
    [Range(1, 1000)]
    public int SignUpNoticesPerAddress { get; set; } = 3;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A zero or negative window would let every attempt through (or expire every counter at once).
        var windows = new[] { IpWindow, AccountWindow, SecondStepWindow, SignUpWindow, LinkRequestWindow };
        if (windows.Any(window => window <= TimeSpan.Zero))
            yield return new ValidationResult(
                "Throttling:IpWindow, AccountWindow, SecondStepWindow, SignUpWindow and LinkRequestWindow must be positive.");
    }
}
