using System.ComponentModel.DataAnnotations;

namespace SessionSite.Throttling;

/// <summary>The <c>Throttling</c> section: failed sign-ins per client IP and per account, and sign-ups per IP.</summary>
public sealed class ThrottlingOptions
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
}
