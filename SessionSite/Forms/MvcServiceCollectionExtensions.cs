using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;

namespace SessionSite.Forms;

public static class MvcServiceCollectionExtensions
{
    /// <summary>MVC with antiforgery on every POST, views found in feature folders, and the site's cookies (the session gate is AddRedisSessions').</summary>
    public static IServiceCollection AddSiteMvc(this IServiceCollection services)
    {
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.ModelBinderProviders.Insert(0, new BooleanModelBinderProvider());
        });
        services.Configure<RazorViewEngineOptions>(options => options.ViewLocationExpanders.Add(new FeatureViewLocations()));
        services.AddSiteCookies();
        // Scrutor wraps whatever the framework registered, and fails at start-up if it registered nothing.
        services.Decorate<IAntiforgery, RememberedRequestTokenAntiforgery>();
        return services;
    }
}
