namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>A real Redis, a real SMTP server on loopback, and the site sending to it.</summary>
public class MailFixture : IAsyncLifetime
{
    private RedisServer? redis;
    private SiteFactory? site;
    private SmtpCatcher? smtp;

    public RedisServer Redis => redis ?? throw new InvalidOperationException("Fixture not started.");

    public SiteFactory Site => site ?? throw new InvalidOperationException("Fixture not started.");

    public SmtpCatcher Smtp => smtp ?? throw new InvalidOperationException("Fixture not started.");

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>A further site instance on the same Redis, sending to the same SMTP server.</summary>
    public SiteFactory NewInstance(IReadOnlyDictionary<string, string?>? extra = null) =>
        new(Redis, Merge(extra), clock: Clock);

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync([], mayShare: false);
        smtp = await SmtpCatcher.StartAsync();
        site = new SiteFactory(redis, Merge(null), clock: Clock);
    }

    public async Task DisposeAsync()
    {
        if (site is not null)
            await site.DisposeAsync();
        if (smtp is not null)
            await smtp.DisposeAsync();
        if (redis is not null)
            await redis.DisposeAsync();
    }

    private Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?>? extra)
    {
        var all = new Dictionary<string, string?>(Smtp.SiteSettings);
        foreach (var (key, value) in Settings.Concat(extra ?? new Dictionary<string, string?>()))
            all[key] = value;
        return all;
    }
}

/// <summary>The same, with <c>Accounts:RequireVerifiedEmail</c> on.</summary>
public sealed class VerifiedOnlyMailFixture : MailFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:RequireVerifiedEmail"] = "true" };
}
