using System.Diagnostics.Metrics;
using SessionSite.Redis;
using SessionSite.Telemetry;
using StackExchange.Redis;

namespace SessionSite.Mail;

/// <summary>
/// How much mail waits and for how long, read from Redis when Prometheus scrapes (XLEN and the first entry: O(1),
/// two commands per scrape, nothing per request). A Redis outage leaves the gauges silent rather than failing the scrape.
/// </summary>
public sealed class MailOutboxGauges : IGaugeSource
{
    public MailOutboxGauges(SiteMetrics metrics, IConnectionMultiplexer redis, TimeProvider clock)
    {
        metrics.Meter.CreateObservableGauge("sessionsite.mail.outbox.pending", () => Read(() => redis.GetDatabase().StreamLength(MailOutbox.StreamKey)),
            "{mail}", "Mails queued and not yet sent");
        metrics.Meter.CreateObservableGauge("sessionsite.mail.outbox.oldest_age", () => Read(() => OldestAge(redis, clock)),
            "s", "Age of the oldest mail still queued (0 when empty)");
    }

    private static double OldestAge(IConnectionMultiplexer redis, TimeProvider clock)
    {
        var first = redis.GetDatabase().StreamRange(MailOutbox.StreamKey, "-", "+", count: 1);
        if (first.Length == 0)
            return 0;
        // A stream id is "<unix ms>-<sequence>": the entry's age needs no field of its own.
        var id = first[0].Id.ToString();
        var queuedMs = long.Parse(id[..id.IndexOf('-')], System.Globalization.CultureInfo.InvariantCulture);
        return Math.Max(0, (clock.GetUtcNow().ToUnixTimeMilliseconds() - queuedMs) / 1000.0);
    }

    private static IEnumerable<Measurement<double>> Read(Func<double> read)
    {
        double value;
        try
        {
            value = read();
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            yield break;
        }
        yield return new Measurement<double>(value);
    }
}
