using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SessionSite.Configuration.Binding;
using SessionSite.Telemetry;
using SessionSite.Web;

namespace SessionSite.Configuration;

/// <summary>The request pipeline and the settings only it uses, in one place, so its order reads top to bottom.</summary>
public static class SitePipeline
{
    public static IServiceCollection AddSitePipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = DeclaredBodyLimitMiddleware.MaxRequestBodyBytes);
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // X-Forwarded-* are honoured only from known proxies (loopback unless configured).
        services.AddValidatedOptions<ForwardedHeadersSettings>(configuration.GetSection(ForwardedHeadersSettings.Section));
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => settings.Value.ApplyTo(options));
        return services;
    }

    /// <summary>The whole pipeline, in order: each step sees the request as the ones above it left it.</summary>
    public static WebApplication UseSitePipeline(this WebApplication app)
    {
        // First: HSTS, cookies, throttles and logs must all see the client's scheme and address, not the proxy's.
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
            app.UseHsts(); // one year, as OWASP asks; browsers then refuse plain HTTP to this host
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            // Expected outages and the busy answer are logged by the error page as one short line; the framework's
            // own entry would carry the whole exception, whose Redis messages can name keys and values.
            SuppressDiagnosticsCallback = context => ExpectedFailure.Is(context.Exception),
        });
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMetricsEndpoint();
        app.UseMiddleware<DeclaredBodyLimitMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.MapControllers();
        return app;
    }
}
