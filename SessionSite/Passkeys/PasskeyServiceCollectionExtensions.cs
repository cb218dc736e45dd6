using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SessionSite.Configuration.Binding;
using SessionSite.Web;

namespace SessionSite.Passkeys;

public static class PasskeyServiceCollectionExtensions
{
    public const string OptionsPolicy = "passkey-options";

    /// <summary>
    /// ASP.NET Core's own passkey handler over the Redis store, and nothing else of Identity: no cookies, no
    /// SignInManager; sessions stay the site's own.
    /// </summary>
    public static IServiceCollection AddPasskeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<PasskeyOptions>(configuration.GetSection(PasskeyOptions.Section));
        services.AddIdentityCore<PasskeyUser>().AddUserStore<RedisPasskeyStore>();
        services.AddScoped<IPasskeyHandler<PasskeyUser>, PasskeyHandler<PasskeyUser>>();
        services.AddSingleton<IConfigureOptions<IdentityPasskeyOptions>, PasskeyRelyingParty>();
        services.AddSingleton<RedisPasskeyStore>();
        services.AddSingleton<AssertionCookie>();
        services.AddScoped<PasskeyRegistration>();
        services.AddScoped<PasskeyAssertions>();
        services.AddScoped<PasskeyChanges>();
        services.AddRateLimiter(limiter => limiter.AddPolicy(OptionsPolicy, http =>
        {
            var options = http.RequestServices.GetRequiredService<IOptions<PasskeyOptions>>().Value;
            return RateLimitPartition.GetFixedWindowLimiter(
                ClientAddress.Of(http) ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.OptionsRequestLimit, Window = options.OptionsRequestWindow });
        }));
        return services;
    }
}
