using Microsoft.Extensions.Options;

namespace SessionSite.Configuration.Binding;

public static class OptionsRegistration
{
    /// <summary>Binds a section to <typeparamref name="T"/> and refuses to start when DataAnnotations or IValidatableObject say it is wrong.</summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration section) where T : class =>
        services.AddOptions<T>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
