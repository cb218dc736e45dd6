namespace SessionSite.Configuration;

/// <summary>The <c>Site</c> section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The address people use to reach the site (<c>https://sessions.example</c>). Every link in a mail is built
    /// from it, never from the request's Host header, which an attacker can choose (a reset link to their host
    /// is a classic account takeover). Required outside Development.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "";

    public const string DevelopmentDefault = "http://localhost:5080";

    public static bool IsAbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0;
}
