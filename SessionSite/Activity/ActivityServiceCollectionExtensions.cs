namespace SessionSite.Activity;

public static class ActivityServiceCollectionExtensions
{
    /// <summary>Security events: the structured log for operators and each account's own activity page.</summary>
    public static IServiceCollection AddActivity(this IServiceCollection services)
    {
        services.AddSingleton<AccountActivity>();
        services.AddSingleton<SecurityLog>();
        return services;
    }
}
