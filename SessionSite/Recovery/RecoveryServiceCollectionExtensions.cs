using SessionSite.Configuration;
using SessionSite.Mail;

namespace SessionSite.Recovery;

public static class RecoveryServiceCollectionExtensions
{
    public static IServiceCollection AddRecovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SiteOptions>()
            .Bind(configuration.GetSection(SiteOptions.Section))
            .PostConfigure<IHostEnvironment>((site, environment) =>
            {
                if (environment.IsDevelopment() && string.IsNullOrWhiteSpace(site.PublicBaseUrl))
                    site.PublicBaseUrl = SiteOptions.DevelopmentDefault; // the launchSettings address of `dotnet run`
            })
            .Validate(site => SiteOptions.IsAbsoluteHttpUrl(site.PublicBaseUrl),
                "Site:PublicBaseUrl must be set outside Development to the absolute http(s) address people use to reach the site "
                + "(for example https://sessions.example; env Site__PublicBaseUrl). Links in mail are built from it, never from the request's Host header.")
            .ValidateOnStart();
        services.AddSingleton<SingleUseLinks>();
        services.AddSingleton<LinkRedemption>();
        services.AddSingleton<RecoverLinks>();
        services.AddSingleton<AccountRecovery>();
        services.AddSingleton<AccountMail>();
        services.AddSingleton<IMailPreparer>(provider => provider.GetRequiredService<AccountMail>());
        return services;
    }
}
