namespace SessionSite.TwoStep;

public static class TwoStepServiceCollectionExtensions
{
    public static IServiceCollection AddTwoStep(this IServiceCollection services) =>
        services.AddSingleton<EnrolmentSecrets>().AddSingleton<AuthenticatorCodes>().AddSingleton<TwoStepStorage>()
            .AddSingleton<RecoveryCodeUse>();
}
