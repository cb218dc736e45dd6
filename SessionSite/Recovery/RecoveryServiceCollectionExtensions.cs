namespace SessionSite.Recovery;

public static class RecoveryServiceCollectionExtensions
{
    public static IServiceCollection AddRecovery(this IServiceCollection services) =>
        services.AddSingleton<AccountRecovery>();
}
