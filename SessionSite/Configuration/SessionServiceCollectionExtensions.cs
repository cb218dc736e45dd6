using SessionSite.Sessions;

namespace SessionSite.Configuration;

public static class SessionServiceCollectionExtensions
{
    public static IServiceCollection AddRedisSessions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RedisSessionOptions>()
            .Bind(configuration.GetSection(RedisSessionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SessionLifetime>();
        services.AddSingleton<SessionIndex>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<SessionCookie>();
        services.AddScoped<CurrentSession>();
        services.AddScoped<SessionSignIn>();
        return services;
    }
}
