using Microsoft.AspNetCore.Identity;
using SessionSite.Configuration.Binding;

namespace SessionSite.Accounts;

public static class AccountServiceCollectionExtensions
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        // PBKDF2-HMAC-SHA512 (PasswordHasher v3) at OWASP's 210,000 iterations unless configured otherwise.
        services.AddOptions<PasswordHasherOptions>()
            .Configure(options => options.IterationCount = 210_000)
            .Bind(configuration.GetSection(PasswordHashingOptions.Section));
        services.AddValidatedOptions<PasswordHashingOptions>(configuration.GetSection(PasswordHashingOptions.Section));
        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton<Telemetry.IGaugeSource>(provider => provider.GetRequiredService<PasswordHashingGate>());
        services.AddValidatedOptions<AccountOptions>(configuration.GetSection(AccountOptions.Section));
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<UserStore>();
        services.AddSingleton<EmailChangeCommit>();
        services.AddSingleton<AccountDeletion>();
        services.AddSingleton<PasswordAuthenticator>();
        return services;
    }
}
