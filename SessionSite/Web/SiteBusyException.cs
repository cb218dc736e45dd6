namespace SessionSite.Web;

/// <summary>More password checks are waiting than the site takes on; answered with 503 "busy" and Retry-After.</summary>
public sealed class SiteBusyException() : Exception("Too many password checks are waiting.")
{
    /// <summary>What the busy answer asks the browser to wait: a turn frees within about one hash.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
}
