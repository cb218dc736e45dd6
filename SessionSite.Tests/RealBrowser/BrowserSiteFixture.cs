using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests.RealBrowser;

/// <summary>
/// The site on a real Kestrel socket with its own redis-server, and Debian's Chromium driven by Playwright
/// (never Playwright's own browser download).
/// </summary>
public class BrowserSiteFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? playwright;

    public RedisServer Redis { get; private set; } = null!;

    public SiteFactory Site { get; private set; } = null!;

    /// <summary>The real SMTP server the site mails to, so a browser can follow the links a person would get.</summary>
    public SmtpCatcher Smtp { get; private set; } = null!;

    public IBrowser Chromium { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Browse <c>http://localhost:PORT</c> with <c>Site:PublicBaseUrl</c> exactly that, the port picked first:
    /// WebAuthn refuses an IP address as relying-party id, and the origin it checks includes the port.
    /// </summary>
    protected virtual bool OnLocalhost => false;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync([], mayShare: false);
        Smtp = await SmtpCatcher.StartAsync();
        if (OnLocalhost)
        {
            var port = FreeLoopbackPort();
            BaseUrl = $"http://localhost:{port}";
            Site = new SiteFactory(Redis, new Dictionary<string, string?>(Smtp.SiteSettings) { ["Site:PublicBaseUrl"] = BaseUrl });
            Site.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
            Site.StartServer();
        }
        else
        {
            Site = new SiteFactory(Redis, Smtp.SiteSettings);
            Site.UseKestrel(0);
            Site.StartServer();
            BaseUrl = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        }
        await WaitUntilReadyAsync();
        // Playwright's 5 s default is shorter than a sign-up once took with the whole suite (browsers, sites, Redis
        // servers) on two cores, and CI failed on it; an expectation waits for behaviour and is not a timing.
        Assertions.SetDefaultExpectTimeout(30_000);
        playwright = await Playwright.CreateAsync();
        Chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumFlags,
        });
    }

    /// <summary>
    /// As a load balancer would: no traffic before /readyz answers 200. The Redis connection is made (and, after
    /// an outage, remade) in the background; until then the next test's first page would meet the 503 page.
    /// </summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        await Poll.UntilStatusAsync(client, "/readyz", System.Net.HttpStatusCode.OK);
    }

    /// <summary>A fresh browser profile: its own cookies, like a new person at a new computer.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800) =>
        Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });

    /// <summary>A port free on 127.0.0.1 now (the OS's pick), handed to Kestrel right after.</summary>
    private static int FreeLoopbackPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
            await Chromium.CloseAsync();
        playwright?.Dispose();
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
