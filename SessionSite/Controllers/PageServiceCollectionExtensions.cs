using SessionSite.Overview;

namespace SessionSite.Controllers;

public static class PageServiceCollectionExtensions
{
    /// <summary>The services the pages use and nothing else does.</summary>
    public static IServiceCollection AddPageServices(this IServiceCollection services) =>
        services.AddSingleton<CurrentPasswordCheck>().AddSingleton<RecoveryCodeUse>().AddAccountOverview();
}
