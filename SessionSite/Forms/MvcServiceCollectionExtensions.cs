using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using SessionSite.Sessions;

namespace SessionSite.Forms;

public static class MvcServiceCollectionExtensions
{
    /// <summary>MVC with antiforgery on every POST, the session loaded where pages and forms need it, and the site's cookies.</summary>
    public static IServiceCollection AddSiteMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
            options.Filters.Add<LoadSessionBeforeViewFilter>();
            options.Filters.Add<SessionGateFilter>();
        });
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new FeatureViewLocations()));
        services.AddSiteCookies();
        // Scrutor wraps whatever the framework registered, and fails at start-up if it registered nothing.
        services.Decorate<IAntiforgery, RememberedRequestTokenAntiforgery>();
        return services;
    }
}
