using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SessionSite.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port (the SmtpServer package, in process). The site sends to it with
/// MailKit as it would to any server; tests read the real MIME messages it received. It can be stopped and
/// started again on the same port, to play an SMTP outage.
/// </summary>
public sealed partial class SmtpCatcher : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private CancellationTokenSource? running;
    private Task? serving;

    private SmtpCatcher(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => received.ToArray();

    /// <summary>Site settings that send to this server.</summary>
    public IReadOnlyDictionary<string, string?> SiteSettings => new Dictionary<string, string?>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "SessionSite <no-reply@sessions.example>",
    };

    public static async Task<SmtpCatcher> StartAsync()
    {
        var catcher = new SmtpCatcher(Loopback.FreePort());
        await catcher.StartServerAsync();
        return catcher;
    }

    public async Task StartServerAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(received));
        running = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(running.Token);
        await Poll.UntilAsync(() => Loopback.Accepts(Port), "the SMTP server to listen");
    }

    public async Task StopServerAsync()
    {
        running?.Cancel();
        if (serving is not null)
        {
            try
            {
                await serving;
            }
            catch (OperationCanceledException)
            {
            }
        }
        await Poll.UntilAsync(() => !Loopback.Accepts(Port), "the SMTP server to stop listening");
    }

    /// <summary>The mails received for <paramref name="to"/>, once at least <paramref name="count"/> have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(string to, int count = 1, int seconds = 30)
    {
        await Poll.UntilAsync(() => To(to).Count >= count, $"{count} mail(s) to {to}", seconds);
        return To(to);
    }

    public IReadOnlyList<MimeMessage> To(string to) =>
        Received.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The one link in a mail's text part whose path is <paramref name="path"/>.</summary>
    public static Uri LinkIn(MimeMessage message, string path) =>
        new(Assert.Single(LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value), link => new Uri(link).AbsolutePath == path));

    public async ValueTask DisposeAsync() => await StopServerAsync();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream();
            foreach (var segment in buffer)
                await stream.WriteAsync(segment, cancellationToken);
            stream.Position = 0;
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
