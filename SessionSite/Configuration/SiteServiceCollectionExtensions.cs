namespace SessionSite.Configuration;

public static class SiteServiceCollectionExtensions
{
    /// <summary>What every feature may ask for: the site's public address (validated at start) and the clock.</summary>
    public static IServiceCollection AddSiteBasics(this IServiceCollection services, IConfiguration configuration)
    {
        // One clock for the whole site: tests replace it with a FakeTimeProvider.
        services.AddSingleton(TimeProvider.System);
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
        return services;
    }
}
