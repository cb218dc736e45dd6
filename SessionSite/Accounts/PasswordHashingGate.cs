using System.Threading.RateLimiting;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using SessionSite.Telemetry;

using SessionSite.Web;

namespace SessionSite.Accounts;

/// <summary>
/// PBKDF2 at 210,000 iterations takes a core for about 100 ms. Unbounded, a burst of sign-ins occupies every
/// thread-pool thread, and then Redis replies and signed-in pages wait behind it. Hashing therefore takes a turn
/// from a concurrency limiter: the few allowed run, a short queue waits asynchronously (holding no thread), and
/// the rest are told that the site is busy. The hashes themselves run on low-priority threads
/// (<see cref="LowPriorityThreads"/>), so pages keep the CPU they need while a storm lasts.
/// </summary>
public sealed class PasswordHashingGate : IDisposable, Telemetry.IGaugeSource
{
    private readonly IOptions<PasswordHashingOptions> options;
    private readonly SiteMetrics? metrics;
    private readonly LowPriorityThreads threads;
    private readonly ConcurrencyLimiter limiter;

    public PasswordHashingGate(IOptions<PasswordHashingOptions> options, SiteMetrics? metrics = null)
    {
        this.options = options;
        this.metrics = metrics;
        threads = new LowPriorityThreads(options.Value.EffectiveMaxConcurrent);
        limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.Value.EffectiveMaxConcurrent,
            QueueLimit = options.Value.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        metrics?.Meter.CreateObservableGauge("sessionsite.password_hashing.queue_depth", () => limiter.GetStatistics()?.CurrentQueuedCount ?? 0,
            "{check}", "Password checks waiting for a hashing turn");
    }

    /// <summary>True when no turn is free and the queue is full: a new check would be refused, so refuse it before any work.</summary>
    public bool IsFull => limiter.GetStatistics() is { CurrentAvailablePermits: 0 } statistics && statistics.CurrentQueuedCount >= options.Value.QueueLimit;

    /// <summary>Runs <paramref name="hashing"/> when its turn comes; throws <see cref="SiteBusyException"/> when the queue is full.</summary>
    public async Task<T> RunAsync<T>(Func<T> hashing, CancellationToken cancellationToken = default)
    {
        // A span of its own, so a slow sign-in's trace shows the queue wait apart from the hash and the Redis calls.
        using var span = SiteMetrics.Source.StartActivity("password_hashing");
        var asked = Stopwatch.GetTimestamp();
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (!lease.IsAcquired)
        {
            span?.SetStatus(ActivityStatusCode.Error, "busy");
            throw new SiteBusyException();
        }
        var waited = Stopwatch.GetElapsedTime(asked);
        metrics?.HashingWaited(waited);
        span?.SetTag("sessionsite.hashing.wait_ms", Math.Round(waited.TotalMilliseconds, 1));
        return await threads.RunAsync(hashing);
    }

    public void Dispose()
    {
        limiter.Dispose();
        threads.Dispose();
    }
}
