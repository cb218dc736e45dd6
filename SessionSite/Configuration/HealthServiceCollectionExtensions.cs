using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace SessionSite.Configuration;

public static class HealthServiceCollectionExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Readiness: Redis answers (PING, or CLUSTER INFO on a cluster) within a second, on the app's own connection.</summary>
    public static IServiceCollection AddSiteHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(1));
        return services;
    }

    /// <summary><c>/healthz</c>: the process answers (liveness). <c>/readyz</c>: it can serve sessions (readiness).</summary>
    public static WebApplication MapSiteHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
