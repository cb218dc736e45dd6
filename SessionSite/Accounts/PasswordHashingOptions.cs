using System.ComponentModel.DataAnnotations;

namespace SessionSite.Accounts;

/// <summary>The <c>PasswordHashing</c> section's bounds on how much CPU password hashing may take at once.</summary>
public sealed class PasswordHashingOptions
{
    public const string Section = "PasswordHashing";

    /// <summary>Hashes computed at once; 0 means one fewer than the cores (at least one), so a core stays free for pages.</summary>
    [Range(0, 1024)]
    public int MaxConcurrent { get; set; }

    /// <summary>Requests that may wait for a turn; past them the site answers 503 "busy" with Retry-After.</summary>
    [Range(0, 100_000)]
    public int QueueLimit { get; set; } = 16;

    /// <summary>How long a "busy" answer waits before it is sent, so a script re-posting at once is slowed down.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan BusyAnswerDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public int EffectiveMaxConcurrent => MaxConcurrent > 0 ? MaxConcurrent : Math.Max(1, Environment.ProcessorCount - 1);
}
