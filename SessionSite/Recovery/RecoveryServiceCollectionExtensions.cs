using SessionSite.Mail;

namespace SessionSite.Recovery;

public static class RecoveryServiceCollectionExtensions
{
    public static IServiceCollection AddRecovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SingleUseLinks>();
        services.AddSingleton<LinkRedemption>();
        services.AddSingleton<RecoverLinks>();
        services.AddSingleton<AccountRecovery>();
        services.AddSingleton<AccountMail>();
        services.AddSingleton<IMailPreparer>(provider => provider.GetRequiredService<AccountMail>());
        return services;
    }
}
