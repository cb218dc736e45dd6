using StackExchange.Redis;

namespace SessionSite.Redis;

/// <summary>Connects at start-up, so the first request does not pay for it; an absent Redis does not stop the start.</summary>
internal sealed class RedisConnectionWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IConnectionMultiplexer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
