using SessionSite.Configuration.Binding;

namespace SessionSite.Mail;

public static class MailServiceCollectionExtensions
{
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MailOptions>(configuration.GetSection(MailOptions.Section));
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<MailTransport>();
        services.AddHostedService<MailSender>();
        return services;
    }
}
