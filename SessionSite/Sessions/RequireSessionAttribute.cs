using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc;
using SessionSite.Redis;
using SessionSite.Web;

namespace SessionSite.Sessions;

/// <summary>Lets only signed-in requests through; others go to sign-in with the local path to come back to.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireSessionAttribute : Attribute, IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // Pages behind this filter show account data: never let a shared cache or the back button keep them.
        // The exact value antiforgery sets: anything else makes it log a warning on every page with a form.
        http.Response.Headers.CacheControl = "no-cache, no-store";
        var current = http.RequestServices.GetRequiredService<CurrentSession>();
        // A session whose sign-in is not complete (the flag false) is not signed in, whatever else it holds.
        if (await current.GetAsync(http) is { User.IsAuthenticated: true })
            return;
        if (http.RequestServices.GetRequiredService<SessionCookie>().IsPresent(http.Request))
        {
            var tempData = http.RequestServices.GetRequiredService<ITempDataDictionaryFactory>().GetTempData(http);
            tempData.Flash("Your session has ended. Please sign in again.");
            try
            {
                tempData.Save(); // the redirect short-circuits MVC's own TempData saving
            }
            catch (Exception e) when (RedisFailure.Is(e))
            {
                // The note is encrypted with data-protection keys kept in Redis; without them, the redirect still matters.
                tempData.Clear();
            }
        }
        var returnUrl = $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
        context.Result = new RedirectResult($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}
