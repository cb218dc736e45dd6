using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SessionSite.Configuration.Binding;
using SessionSite.Web;

namespace SessionSite.Throttling;

public static class ThrottlingServiceCollectionExtensions
{
    public const string SignUpPolicy = "signup";

    public static IServiceCollection AddThrottling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ThrottlingOptions>(configuration.GetSection(ThrottlingOptions.Section));
        services.AddSingleton<SlidingWindow>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SecondStepThrottle>();
        services.AddSingleton<WarningAllowance>();
        services.AddSingleton<AttackWarnings>();
        services.AddSingleton<Mail.IMailPreparer>(provider => provider.GetRequiredService<AttackWarnings>());
        services.AddSingleton<LinkRequestThrottle>();
        services.AddSingleton<SignUpThrottle>();
        services.AddSingleton<ConfirmThrottle>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(SignUpPolicy, http =>
            {
                var throttling = http.RequestServices.GetRequiredService<IOptions<ThrottlingOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress.Of(http) ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = throttling.SignUpAttemptLimit, Window = throttling.SignUpWindow });
            });
        });
        return services;
    }
}
