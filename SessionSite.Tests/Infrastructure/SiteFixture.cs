using Microsoft.Extensions.Time.Testing;

namespace SessionSite.Tests.Infrastructure;

/// <summary>One real Redis and one site per test class, started once and shared by its tests.</summary>
public class SiteFixture : IAsyncLifetime
{
    private RedisServer? redis;
    private SiteFactory? site;

    public RedisServer Redis => redis ?? throw new InvalidOperationException("Fixture not started.");

    public SiteFactory Site => site ?? throw new InvalidOperationException("Fixture not started.");

    /// <summary>The site's clock when <see cref="UsesFakeClock"/>: tests advance it instead of sleeping.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected virtual bool UsesFakeClock => false;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    protected virtual string[] RedisArguments => [];

    /// <summary>Tests that count commands or stop the server must not share one.</summary>
    protected virtual bool NeedsOwnRedis => false;

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync(RedisArguments, mayShare: !NeedsOwnRedis);
        site = new SiteFactory(redis, Settings, clock: UsesFakeClock ? Clock : null);
    }

    public async Task DisposeAsync()
    {
        if (site is not null)
            await site.DisposeAsync();
        if (redis is not null)
            await redis.DisposeAsync();
    }
}
