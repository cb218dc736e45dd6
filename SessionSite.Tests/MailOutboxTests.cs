using System.Net;
using MimeKit;
using SessionSite.Mail;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>Sending never blocks or fails a request: the outbox in Redis, and the senders of every instance.</summary>
public sealed class MailOutboxTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private static string NewIp() => $"10.{Random.Shared.Next(256)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private async Task<string> SignedUpAsync(SiteFactory? site = null)
    {
        var (_, email) = await UserStories.SignUpAsync((site ?? fixture.Site).NewBrowser());
        await fixture.Smtp.WaitForAsync(email);
        return email;
    }

    private static async Task AskForResetAsync(SiteFactory site, string email) =>
        await (await ForgotPasswordPage.OpenAsync(site.NewBrowser().ComingFrom(NewIp()))).AskForLinkAsync(email);

    [Fact]
    public async Task WhileSmtpIsDownThePageAnswersAtOnceAndTheMailArrivesWhenItIsBack()
    {
        var email = await SignedUpAsync();
        await fixture.Smtp.StopServerAsync();
        try
        {
            var page = await ForgotPasswordPage.OpenAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()));
            Assert.Contains("If an account exists", await page.AskForLinkAsync(email));
            await Poll.UntilAsync(() => fixture.Site.Logs.Entries.Any(e => e.EventId.Id == 4002), "a failed sending attempt");
        }
        finally
        {
            await fixture.Smtp.StartServerAsync();
        }

        var reset = (await fixture.Smtp.WaitForAsync(email, count: 2))[1];
        Assert.Equal("Reset your SessionSite password", reset.Subject);
    }

    [Fact]
    public async Task TwoInstancesDeliverEachMailExactlyOnce()
    {
        await using var other = fixture.NewInstance();
        var emails = new List<string>();
        for (var i = 0; i < 8; i++)
            emails.Add(await SignedUpAsync(i % 2 == 0 ? fixture.Site : other));

        await Task.WhenAll(emails.Select((email, i) => AskForResetAsync(i % 2 == 0 ? other : fixture.Site, email)));
        foreach (var email in emails)
            await fixture.Smtp.WaitForAsync(email, count: 2);
        var marker = await SignedUpAsync(other); // the senders work in stream order: later than every reset

        Assert.NotEmpty(fixture.Smtp.To(marker));
        Assert.All(emails, email => Assert.Equal(2, fixture.Smtp.To(email).Count));
        // The catcher has a mail before the sender hears 250 and forgets the entry: wait for the forgetting.
        await Poll.UntilAsync(() => fixture.Redis.Database.StreamLength(MailOutbox.StreamKey) == 0, "the outbox to empty");
    }

    [Fact]
    public async Task ARedisOutageWhileQueueingAnswersThe503PageAndQueuesNothing()
    {
        var email = await SignedUpAsync();
        var page = await ForgotPasswordPage.OpenAsync(fixture.Site.NewBrowser().ComingFrom(NewIp()));

        fixture.Redis.StopProcess();
        HttpResponseMessage response;
        try
        {
            response = await page.PostAsync(email);
        }
        finally
        {
            await fixture.Redis.StartProcessAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull((await Browser.ParseAsync(response)).QuerySelector("#service-unavailable"));
        await Poll.UntilStatusAsync(fixture.Site.NewBrowser().Client, "/readyz", HttpStatusCode.OK);
        var marker = await SignedUpAsync();
        Assert.NotEmpty(fixture.Smtp.To(marker));
        Assert.Single(fixture.Smtp.To(email));
        Assert.Empty(fixture.Redis.Keys("link:resetpassword:*"));
    }

    [Fact]
    public async Task AMailThatCannotBeSentIsGivenUpAfterItsLastAttemptWithALoggedError()
    {
        // Its own Redis, so no other instance can send the mail; an SMTP port nothing listens on.
        await using var redis = await RedisServer.StartAsync([], mayShare: false);
        await using var nowhere = new SiteFactory(redis, new Dictionary<string, string?>
        {
            ["Mail:Host"] = "127.0.0.1", ["Mail:Port"] = Loopback.FreePort().ToString(), ["Mail:Security"] = "None",
            ["Mail:MaxAttempts"] = "2", ["Mail:RetryDelay"] = "00:00:00.050",
        });

        await UserStories.SignUpAsync(nowhere.NewBrowser());
        await Poll.UntilAsync(() => nowhere.Logs.Entries.Any(e => e.EventId.Id == 4003), "the sender to give up");

        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, nowhere.Logs.Entries.First(e => e.EventId.Id == 4003).Level);
        Assert.Equal(2, nowhere.Logs.Entries.Count(e => e.EventId.Id == 4002));
        await Poll.UntilAsync(() => redis.Database.StreamLength(MailOutbox.StreamKey) == 0, "the given-up mail to leave the outbox");
    }

    [Fact]
    public async Task LogsNameAMailByItsIdAndKindNeverItsAddressOrLink()
    {
        var email = await SignedUpAsync();
        var link = SmtpCatcher.LinkIn(Assert.Single(fixture.Smtp.To(email)), "/email/verify");

        var text = string.Join("\n", fixture.Site.Logs.Entries.Select(e => e.Message));

        Assert.Contains(fixture.Site.Logs.Entries, e => e.EventId.Id == 4001);
        Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(link.Query.TrimStart('?').Split('=')[1], text);
    }
}

/// <summary>Without an SMTP server (a plain <c>dotnet run</c>), mail lands as .eml files in the pickup folder.</summary>
public sealed class MailPickupTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task WithNoMailHostEachMailIsWrittenToThePickupFolder()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        MimeMessage? mail = null;
        await Poll.UntilAsync(() =>
        {
            mail = Directory.GetFiles(fixture.Site.PickupDirectory, "*.eml").Select(f => MimeMessage.Load(f))
                .FirstOrDefault(m => m.To.Mailboxes.Any(b => b.Address == email));
            return mail is not null;
        }, "the .eml file");

        Assert.Equal("Confirm your email address for SessionSite", mail!.Subject);
        Assert.StartsWith("http://localhost/email/verify?token=", SmtpCatcher.LinkIn(mail, "/email/verify").ToString());
    }
}
