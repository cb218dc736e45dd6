using Microsoft.AspNetCore.Mvc;

namespace SessionSite.Configuration;

public static class WebServiceCollectionExtensions
{
    public static IServiceCollection AddSiteMvc(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Filters.Add(new RequestSizeLimitAttribute(MaxFormBytes));
        });
        services.AddAntiforgery(options => options.Cookie.Name = "sessionsite-antiforgery");
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // X-Forwarded-* are honoured only from known proxies (loopback unless configured).
        var forwarded = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        services.Configure<ForwardedHeadersOptions>(forwarded.ApplyTo);
        return services;
    }

    /// <summary>Our largest honest form is a few KB; anything past this is refused with 413 before it is read.</summary>
    public const int MaxFormBytes = 64 * 1024;

    public static WebApplication UseSitePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.MapControllers();
        return app;
    }
}
