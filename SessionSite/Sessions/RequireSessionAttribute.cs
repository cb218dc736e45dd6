using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SessionSite.Sessions;

/// <summary>Lets only signed-in requests through; others go to sign-in with the local path to come back to.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireSessionAttribute : Attribute, IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // Pages behind this filter show account data: never let a shared cache or the back button keep them.
        http.Response.Headers.CacheControl = "no-store";
        var current = http.RequestServices.GetRequiredService<CurrentSession>();
        if (await current.GetAsync(http) is not null)
            return;
        var returnUrl = $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
        context.Result = new RedirectResult($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}
