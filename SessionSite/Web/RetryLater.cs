namespace SessionSite.Web;

/// <summary>A refusal that says when to come back: the status, and Retry-After in whole seconds, rounded up.</summary>
public static class RetryLater
{
    /// <summary>Sets both on <paramref name="response"/>; returns the whole seconds it told the client, for pages that say them too.</summary>
    public static int RefuseForSeconds(HttpResponse response, int status, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        response.StatusCode = status;
        response.Headers.RetryAfter = seconds.ToString();
        return seconds;
    }
}
