namespace SessionSite.Overview;

public static class OverviewServiceCollectionExtensions
{
    public static IServiceCollection AddAccountOverview(this IServiceCollection services) =>
        services.AddSingleton<AccountOverviewReader>();
}
