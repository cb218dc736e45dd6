namespace SessionSite.Web;

/// <summary>A wait as people say it: "about 3 minutes", "about 1 minute", never "0 minutes".</summary>
public static class WaitText
{
    public static string Of(TimeSpan wait)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
        return minutes == 1 ? "about 1 minute" : $"about {minutes} minutes";
    }
}
