namespace SessionSite.Settings;

public static class SettingsServiceCollectionExtensions
{
    /// <summary>What the settings pages use and nothing else does.</summary>
    public static IServiceCollection AddSettings(this IServiceCollection services) =>
        services.AddSingleton<CurrentPasswordCheck>();
}
