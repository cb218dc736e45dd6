using System.Globalization;

namespace SessionSite.Models;

/// <summary>How pages show times: UTC, to the minute, the same for every visitor.</summary>
public static class TimeText
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Machine(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
