using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace SessionSite.Tests.Infrastructure;

/// <summary>The real site in memory, wired to a real Redis, with settings a test may override.</summary>
/// <remarks>
/// With a <paramref name="clock"/> (a <see cref="FakeTimeProvider"/>), every rule of the site that reads the time
/// (expiry, last seen, throttling windows) runs on it, so tests move time instead of sleeping. Redis's own TTLs
/// still run on real time, and the fake clock only moves forward from the real now, so they never end early.
/// </remarks>
public sealed class SiteFactory(
    string redisConnectionString, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", TimeProvider? clock = null)
    : WebApplicationFactory<Program>
{
    public SiteFactory(
        RedisServer redis, IReadOnlyDictionary<string, string?>? settings = null, string environment = "Development", TimeProvider? clock = null)
        : this(redis.ConnectionString, settings, environment, clock)
    {
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Services a test adds on top of the site's (an in-memory exporter, say).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Where this site writes mail when no SMTP server is configured (<c>Mail:Host</c> empty).</summary>
    public string PickupDirectory { get; } = Directory.CreateTempSubdirectory("sessionsite-mail-").FullName;

    /// <summary>
    /// A new browser: its own cookie jar (or one shared with a browser on another instance, as a load balancer
    /// would make it), redirects not followed so each one is asserted.
    /// </summary>
    public Browser NewBrowser(CookieContainer? sharedCookies = null)
    {
        var cookies = sharedCookies ?? new CookieContainer();
        var client = CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        return new Browser(client, cookies);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("ConnectionStrings:Redis", redisConnectionString);
        // Hashing at the production cost would make the suite slow without testing anything more.
        builder.UseSetting("PasswordHashing:IterationCount", "1000");
        // A loaded CI machine (browsers, hashing, many Redis servers) can starve a command past the 2 s default;
        // only the slow-Redis tests, which set their own, are about timeouts.
        builder.UseSetting("Redis:OperationTimeoutMilliseconds", "10000");
        // Every test browser comes from 127.0.0.1: per-IP limits are raised here and tested with their own fixture.
        builder.UseSetting("Throttling:SignUpLimit", "100000");
        builder.UseSetting("Throttling:SignUpAttemptLimit", "1000000");
        builder.UseSetting("Throttling:IpFailureLimit", "100000");
        // Tests fire many sign-ups at once on purpose; the hashing gate is tested with its own small queue.
        builder.UseSetting("PasswordHashing:QueueLimit", "100000");
        // Links in mail name this site; without an SMTP server of a test's own, mail goes to a private pickup folder.
        builder.UseSetting("Site:PublicBaseUrl", "http://localhost");
        builder.UseSetting("Mail:PickupDirectory", PickupDirectory);
        builder.UseSetting("Mail:PollInterval", "00:00:00.050");
        builder.UseSetting("Mail:RetryDelay", "00:00:00.200");
        builder.UseSetting("Mail:AbandonedAfter", "00:00:05");
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, LoopbackConnectionFilter>());
        if (clock is not null)
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        if (TestServices is not null)
            builder.ConfigureTestServices(TestServices);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            builder.UseSetting(key, value);
    }
}
