using Microsoft.AspNetCore.Mvc;
using SessionSite.Configuration.Binding;

namespace SessionSite.Sessions;

public static class SessionServiceCollectionExtensions
{
    public static IServiceCollection AddRedisSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RedisSessionOptions>(configuration.GetSection(RedisSessionOptions.Section));
        services.AddSingleton<SessionLifetime>();
        services.AddSingleton<SessionIndex>();
        services.AddSingleton<SessionEntries>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionLoader>();
        services.AddSingleton<SessionList>();
        services.AddSingleton<SessionRevocation>();
        services.AddSingleton<SessionCookie>();
        services.AddScoped<CurrentSession>();
        services.AddScoped<SessionLifecycle>();
        // The gate runs before antiforgery by its own order (-1000), whatever the order these are added in.
        services.Configure<MvcOptions>(options =>
        {
            options.Filters.Add<SessionGateFilter>();
            options.Filters.Add<LoadSessionBeforeViewFilter>();
        });
        return services;
    }
}
