using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SessionSite.Controllers;
using SessionSite.Forms;
using SessionSite.Sessions;

namespace SessionSite.Configuration;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddSiteMvc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add<LoadSessionBeforeViewFilter>();
        });
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddAntiforgery(options => options.Cookie.Name = "sessionsite-antiforgery");
        RememberRequestTokens(services);
        services.Configure<CookieTempDataProviderOptions>(options => options.Cookie.Name = FlashMessages.CookieName);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // X-Forwarded-* are honoured only from known proxies (loopback unless configured).
        var forwarded = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        services.Configure<ForwardedHeadersOptions>(forwarded.ApplyTo);
        return services;
    }

    private static void RememberRequestTokens(IServiceCollection services)
    {
        var library = services.Single(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(library);
        services.AddSingleton<IAntiforgery>(provider => new RememberedRequestTokenAntiforgery(
            (IAntiforgery)ActivatorUtilities.CreateInstance(provider, library.ImplementationType!),
            provider.GetRequiredService<IOptions<AntiforgeryOptions>>()));
    }

    /// <summary>Our largest honest form is a few KB; Kestrel refuses bodies past this with 413.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    public static WebApplication UseSitePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<DeclaredBodyLimitMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.MapControllers();
        return app;
    }
}
