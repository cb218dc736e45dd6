using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using SessionSite.Configuration.Binding;
using StackExchange.Redis;

namespace SessionSite.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>One multiplexer for the whole app, shared by accounts, sessions, the cache and data protection.</summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RedisConnectionOptions>(configuration.GetSection(RedisConnectionOptions.Section));
        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            var timeouts = provider.GetRequiredService<IOptions<RedisConnectionOptions>>().Value;
            var options = ConfigurationOptions.Parse(configuration.GetConnectionString("Redis") ?? "localhost:6379");
            options.AbortOnConnectFail = false; // start without Redis and keep reconnecting in the background
            options.BacklogPolicy = BacklogPolicy.FailFast; // while disconnected, answer 503 at once instead of queueing
            options.ConnectTimeout = timeouts.ConnectTimeoutMilliseconds;
            options.SyncTimeout = timeouts.OperationTimeoutMilliseconds;
            options.AsyncTimeout = timeouts.OperationTimeoutMilliseconds;
            // Exception messages would otherwise quote the command and its key (a session's token hash, an email).
            options.IncludeDetailInExceptions = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddHostedService<RedisConnectionWarmup>();

        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>()
            .Configure<IConnectionMultiplexer>((cache, redis) => cache.ConnectionMultiplexerFactory = () => Task.FromResult(redis));

        // Antiforgery and TempData keys in Redis: forms survive restarts and post across instances.
        services.AddDataProtection().SetApplicationName("SessionSite");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IConnectionMultiplexer>((keys, redis) =>
                keys.XmlRepository = new RedisXmlRepository(() => redis.GetDatabase(), "dataprotection:keys"));
        return services;
    }
}
