using SessionSite.Configuration.Binding;
using SessionSite.Telemetry;

namespace SessionSite.Mail;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<MailTransport>();
        services.AddHostedService<MailSender>();
        services.AddSingleton<MailOutboxGauges>();
        services.AddSingleton<IGaugeSource>(provider => provider.GetRequiredService<MailOutboxGauges>());
        services.AddSingleton<AccountMail>();
        services.AddSingleton<IMailPreparer>(provider => provider.GetRequiredService<AccountMail>());
        return services;
    }
}
