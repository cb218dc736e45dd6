using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SessionSite.Web;
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
            options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
            options.Filters.Add<LoadSessionBeforeViewFilter>();
            options.Filters.Add<LoadSessionBeforeAntiforgeryFilter>();
        });
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        services.AddSiteCookies(configuration);
        RememberRequestTokens(services);
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

    /// <summary>The whole pipeline, in order: each step sees the request as the ones above it left it.</summary>
    public static WebApplication UseSitePipeline(this WebApplication app)
    {
        // First: HSTS, cookies, throttles and logs must all see the client's scheme and address, not the proxy's.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts(); // one year (AddSiteMvc), as OWASP asks; browsers then refuse plain HTTP to this host
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // Expected outages and the busy answer are logged by the error page as one short line; the framework's
            // own entry would carry the whole exception, whose Redis messages can name keys and values.
            SuppressDiagnosticsCallback = context => ErrorController.IsExpected(context.Exception),
        });
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
