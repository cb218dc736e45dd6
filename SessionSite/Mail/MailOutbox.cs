using StackExchange.Redis;

namespace SessionSite.Mail;

/// <summary>
/// The durable queue of mail to send: a Redis Stream read by a consumer group, so every instance takes part,
/// each mail goes to one of them, and a mail whose sender died stays pending until another claims it.
/// Queueing is one XADD: a request never waits for SMTP, and a Redis failure queues nothing half-written.
/// </summary>
public sealed class MailOutbox(IConnectionMultiplexer redis)
{
    public const string StreamKey = "mail:outbox";
    public const string Group = "senders";

    /// <summary>The request's trace context travels with the entry, so the send shows up linked to the request that queued it.</summary>
    public Task QueueAsync(OutgoingMail mail) =>
        redis.GetDatabase().StreamAddAsync(StreamKey,
        [
            new("kind", mail.Kind), new("to", mail.To), new("subject", mail.Subject), new("text", mail.Text), new("html", mail.Html),
            new("trace", System.Diagnostics.Activity.Current?.Id ?? ""),
        ]);

    /// <summary>The trace context of the request that queued the entry, when there was one.</summary>
    public static System.Diagnostics.ActivityContext? TraceOf(StreamEntry entry) =>
        System.Diagnostics.ActivityContext.TryParse(entry["trace"].ToString(), null, out var context) ? context : null;

    public static OutgoingMail Read(StreamEntry entry) =>
        new(entry["kind"].ToString(), entry["to"].ToString(), entry["subject"].ToString(), entry["text"].ToString(), entry["html"].ToString());
}
