using SessionSite.Mail;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using StackExchange.Redis;

namespace SessionSite.Tests;

/// <summary>
/// The sender looks at every pending mail, not the first page of them: mail waiting out long back-offs at the head
/// of the list does not hold back mail behind it that is due now. Its own Redis, so no other test's mail interferes.
/// </summary>
public sealed class MailRetryOrderTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private const string DeadSender = "an-instance-that-died";

    [Fact]
    public async Task AMailDueNowIsSentEvenBehindMoreThanAPageOfMailStillWaitingItsBackoff()
    {
        _ = fixture.Site.Services; // starts the site, and with it the sender
        var db = fixture.Redis.Database;
        var waiting = Enumerable.Range(0, 25).Select(_ => UserStories.NewEmail()).ToList();
        var due = UserStories.NewEmail();
        var ids = new List<RedisValue>();
        foreach (var to in waiting.Append(due))
            ids.Add(await QueueAsReadByADeadSenderAsync(db, to));

        // 25 mails tried 10 times (a back-off of minutes: not due), then one tried once and idle long enough to be taken over.
        await ClaimAsync(db, ids.Take(25), idleMs: 0, deliveries: 10);
        await ClaimAsync(db, [ids[^1]], idleMs: 60_000, deliveries: 1);

        await fixture.Smtp.WaitForAsync(due);

        Assert.All(waiting, to => Assert.Empty(fixture.Smtp.To(to)));
        // The due mail leaves the pending list only after the catcher has it: wait for that, then 25 must remain.
        await Poll.UntilAsync(async () => (await db.StreamPendingAsync(MailOutbox.StreamKey, MailOutbox.Group)).PendingMessageCount <= 25, "the due mail to be acknowledged");
        Assert.Equal(25, (await db.StreamPendingAsync(MailOutbox.StreamKey, MailOutbox.Group)).PendingMessageCount);
    }

    // Added and read in one transaction, so the running site's sender never sees it as new.
    private static async Task<RedisValue> QueueAsReadByADeadSenderAsync(IDatabase db, string to)
    {
        try
        {
            await db.StreamCreateConsumerGroupAsync(MailOutbox.StreamKey, MailOutbox.Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
        }
        var transaction = db.CreateTransaction();
        var id = transaction.StreamAddAsync(MailOutbox.StreamKey,
            [new("kind", "notice-test"), new("to", to), new("subject", "Queued for the retry test"), new("text", "Hello"), new("html", "<p>Hello</p>"), new("trace", "")]);
        _ = transaction.StreamReadGroupAsync(MailOutbox.StreamKey, MailOutbox.Group, DeadSender, StreamPosition.NewMessages, 1);
        Assert.True(await transaction.ExecuteAsync());
        return await id;
    }

    // XCLAIM's IDLE and RETRYCOUNT options set what a real outage would have built up over hours.
    private static async Task ClaimAsync(IDatabase db, IEnumerable<RedisValue> ids, long idleMs, int deliveries)
    {
        foreach (var id in ids)
            await db.ExecuteAsync("XCLAIM", MailOutbox.StreamKey, MailOutbox.Group, DeadSender, 0, id, "IDLE", idleMs, "RETRYCOUNT", deliveries, "JUSTID");
    }
}
