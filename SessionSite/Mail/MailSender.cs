using Microsoft.Extensions.Options;
using SessionSite.Redis;
using StackExchange.Redis;

namespace SessionSite.Mail;

/// <summary>
/// Sends what the outbox holds, on every instance. New mail is read through the consumer group (each entry goes
/// to one instance); a failed one stays pending and is claimed again once it has been idle for its backoff (the
/// stream's own delivery count is the attempt count), until <see cref="MailOptions.MaxAttempts"/>. Another
/// instance's pending mail is taken over only after <see cref="MailOptions.AbandonedAfter"/> (its sender died).
/// A sent mail is acknowledged and deleted, so its link does not stay in Redis.
/// </summary>
public sealed partial class MailSender(
    IConnectionMultiplexer redis,
    MailTransport transport,
    IEnumerable<IMailPreparer> preparers,
    IOptions<MailOptions> options,
    Telemetry.SiteMetrics metrics,
    ILogger<MailSender> logger) : BackgroundService
{
    private const int Batch = 20;
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromHours(1);

    private readonly string consumer = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    private IDatabase Db => redis.GetDatabase();

    private MailOptions Options => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var groupReady = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                groupReady = groupReady || await EnsureGroupAsync();
                await RetryDueAsync(stoppingToken);
                await SendNewAsync(stoppingToken);
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
            {
                groupReady = false; // Redis came back without the stream (no persistence): make the group again
            }
            catch (Exception e) when (RedisFailure.Is(e))
            {
                LogRedisUnavailable(logger, e.GetType().Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A fault in one round of sending must never stop the host (the default for a failed BackgroundService).
                LogRoundFailed(logger, e.GetType().Name);
            }
            try
            {
                // Real time on purpose: the site's TimeProvider may be a test's frozen clock, and mail must still flow.
                await Task.Delay(Options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<bool> EnsureGroupAsync()
    {
        try
        {
            await Db.StreamCreateConsumerGroupAsync(MailOutbox.StreamKey, MailOutbox.Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or an earlier run) made it.
        }
        return true;
    }

    private async Task SendNewAsync(CancellationToken stoppingToken)
    {
        foreach (var entry in await Db.StreamReadGroupAsync(MailOutbox.StreamKey, MailOutbox.Group, consumer, StreamPosition.NewMessages, Batch))
            await TrySendAsync(entry, attempt: 1, stoppingToken);
    }

    private async Task RetryDueAsync(CancellationToken stoppingToken)
    {
        // Every pending entry is looked at, not only the first page: in an SMTP outage the oldest mail waits out long
        // back-offs, and mail queued after it must not wait behind them. Those due go oldest-due first.
        var due = new List<(StreamPendingMessageInfo Waiting, TimeSpan Backoff, double OverdueMs)>();
        await foreach (var waiting in PendingAsync())
        {
            // Our own failures wait their backoff; another instance's mail may still be on its way out.
            var backoff = waiting.ConsumerName == consumer ? Backoff(waiting.DeliveryCount) : Max(Backoff(waiting.DeliveryCount), Options.AbandonedAfter);
            if (waiting.IdleTimeInMilliseconds >= backoff.TotalMilliseconds)
                due.Add((waiting, backoff, waiting.IdleTimeInMilliseconds - backoff.TotalMilliseconds));
        }
        foreach (var (waiting, backoff, _) in due.OrderByDescending(d => d.OverdueMs))
        {
            stoppingToken.ThrowIfCancellationRequested();
            if (waiting.DeliveryCount >= Options.MaxAttempts)
            {
                LogGaveUp(logger, waiting.MessageId.ToString(), waiting.DeliveryCount);
                var given = await Db.StreamRangeAsync(MailOutbox.StreamKey, waiting.MessageId, waiting.MessageId);
                metrics.MailSent(given.Length == 1 ? MailOutbox.Read(given[0]).Kind : "unknown", "abandoned");
                await ForgetAsync(waiting.MessageId);
                continue;
            }
            // XCLAIM with the same minimum idle time: of two instances racing for it, only one gets it.
            var claimed = await Db.StreamClaimAsync(MailOutbox.StreamKey, MailOutbox.Group, consumer, (long)backoff.TotalMilliseconds, [waiting.MessageId]);
            foreach (var entry in claimed.Where(e => !e.IsNull))
                await TrySendAsync(entry, waiting.DeliveryCount + 1, stoppingToken);
        }
    }

    /// <summary>The group's whole pending list, a page at a time (XPENDING with an exclusive start id).</summary>
    private async IAsyncEnumerable<StreamPendingMessageInfo> PendingAsync()
    {
        RedisValue from = "-";
        while (true)
        {
            var page = await Db.StreamPendingMessagesAsync(MailOutbox.StreamKey, MailOutbox.Group, Batch, RedisValue.Null, from, "+");
            foreach (var waiting in page)
                yield return waiting;
            if (page.Length < Batch)
                yield break;
            from = "(" + page[^1].MessageId;
        }
    }

    private async Task TrySendAsync(StreamEntry entry, int attempt, CancellationToken stoppingToken)
    {
        // One short span per send, linked (not parented) to the request that queued it; none spans the polling loop.
        using var span = Telemetry.SiteMetrics.Source.StartActivity(
            "mail.send", System.Diagnostics.ActivityKind.Consumer, parentContext: default,
            links: MailOutbox.TraceOf(entry) is { } queuedBy ? [new System.Diagnostics.ActivityLink(queuedBy)] : null);
        OutgoingMail? mail = MailOutbox.Read(entry);
        foreach (var preparer in preparers)
            mail = mail is null ? null : await preparer.PrepareAsync(mail);
        if (mail is null)
        {
            await ForgetAsync(entry.Id);
            return;
        }
        try
        {
            await transport.SendAsync(mail, entry.Id.ToString(), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !RedisFailure.Is(e))
        {
            LogSendFailed(logger, mail.Kind, entry.Id.ToString(), attempt, e.GetType().Name);
            metrics.MailSent(mail.Kind, "failed");
            return;
        }
        span?.SetTag("sessionsite.mail.kind", mail.Kind);
        await ForgetAsync(entry.Id);
        LogSent(logger, mail.Kind, entry.Id.ToString(), attempt);
        metrics.MailSent(mail.Kind, "sent");
    }

    private async Task ForgetAsync(RedisValue id)
    {
        await Db.StreamAcknowledgeAsync(MailOutbox.StreamKey, MailOutbox.Group, id);
        await Db.StreamDeleteAsync(MailOutbox.StreamKey, [id]);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private TimeSpan Backoff(int deliveries)
    {
        var delay = Options.RetryDelay * Math.Pow(2, Math.Max(0, deliveries - 1));
        return delay < LongestBackoff ? delay : LongestBackoff;
    }

    // Never the address, subject or body: a mail's id and kind say enough to follow it.
    [LoggerMessage(4001, LogLevel.Information, "Mail {Kind} {MailId} sent (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, string kind, string mailId, int attempt);

    [LoggerMessage(4002, LogLevel.Warning, "Mail {Kind} {MailId} not sent (attempt {Attempt}: {FailureType}); it will be tried again")]
    private static partial void LogSendFailed(ILogger logger, string kind, string mailId, int attempt, string failureType);

    [LoggerMessage(4003, LogLevel.Error, "Mail {MailId} given up after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string mailId, int attempts);

    [LoggerMessage(4005, LogLevel.Error, "Mail sending round failed ({FailureType}); trying again shortly")]
    private static partial void LogRoundFailed(ILogger logger, string failureType);

    [LoggerMessage(4004, LogLevel.Warning, "Mail outbox unreachable ({FailureType}); trying again shortly")]
    private static partial void LogRedisUnavailable(ILogger logger, string failureType);
}
