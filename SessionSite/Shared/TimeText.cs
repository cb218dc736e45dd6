using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace SessionSite.Shared;

/// <summary>How pages show times: UTC, to the minute, the same for every visitor.</summary>
public static class TimeText
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Machine(DateTimeOffset time) => time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>A <c>time</c> element with the UTC text, which site.js turns into the reader's zone.</summary>
    public static IHtmlContent Element(DateTimeOffset time) =>
        new HtmlString($"<time datetime=\"{Machine(time)}\">{Format(time)}</time>"); // both texts are digits and fixed words

    /// <summary>"30 minutes", "7 days", "1 hour": a span as people say it.</summary>
    public static string Duration(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? Plural((int)span.TotalDays, "day")
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? Plural((int)span.TotalHours, "hour")
        : Plural((int)Math.Round(span.TotalMinutes), "minute");

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
