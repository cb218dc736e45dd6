namespace SessionSite.Web;

/// <summary>
/// "Firefox on Linux" from a User-Agent. Hand-written on purpose: a label for people, not a device database,
/// so a dozen ordered substring checks beat a heavy parsing dependency.
/// </summary>
public static class DeviceLabel
{
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
        ("curl/", "curl"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"),
        ("Mac OS X", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static string FromUserAgent(string? userAgent)
    {
        var browser = Find(Browsers, userAgent);
        var system = Find(Systems, userAgent);
        return (browser, system) switch
        {
            (null, null) => "Unknown device",
            (_, null) => browser!,
            (null, _) => $"Browser on {system}",
            _ => $"{browser} on {system}",
        };
    }

    private static string? Find((string Marker, string Name)[] table, string? userAgent) =>
        string.IsNullOrEmpty(userAgent)
            ? null
            : table.FirstOrDefault(entry => userAgent.Contains(entry.Marker, StringComparison.Ordinal)).Name;
}
