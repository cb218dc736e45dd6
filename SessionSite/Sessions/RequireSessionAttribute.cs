using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SessionSite.Redis;

namespace SessionSite.Sessions;

/// <summary>Lets only signed-in requests through; others go to sign-in with the local path to come back to.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireSessionAttribute : Attribute, IFilterFactory
{
    // A new filter per request: it holds the request's scoped CurrentSession.
    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        ActivatorUtilities.CreateInstance<RequireSessionFilter>(serviceProvider);
}

/// <summary>Marks the actions a half-way session may use: its second step, and signing out.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowHalfSignedInAttribute : Attribute;

/// <summary>The work behind <see cref="RequireSessionAttribute"/>, with its services from DI.</summary>
public sealed class RequireSessionFilter(CurrentSession current, SessionCookie cookie, SessionStore store, ITempDataDictionaryFactory tempDataFactory)
    : IAsyncAuthorizationFilter
{
    public const string TwoStepPath = "/signin/two-step";

    // Only on the way out, and never fatal: without Redis the plain note still goes.
    private async Task<string?> EndReasonAsync(SessionCredential ended)
    {
        try
        {
            return await store.EndReasonAsync(ended);
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            return null;
        }
    }

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // Pages behind this filter show account data: never let a shared cache or the back button keep them.
        // The exact value antiforgery sets: anything else makes it log a warning on every page with a form.
        http.Response.Headers.CacheControl = "no-cache, no-store";
        // A session whose sign-in is not complete (the flag false) is not signed in, whatever else it holds:
        // it is sent on to finish its second step, not back to the password.
        var session = await current.GetAsync(http);
        if (session is { Record.IsAuthenticated: true })
            return;
        if (session is not null)
        {
            context.Result = new RedirectResult(TwoStepPath);
            return;
        }
        if (cookie.IsPresent(http.Request))
            SessionEndedNote.Flash(http, tempDataFactory, cookie.TryRead(http.Request, out var ended) ? await EndReasonAsync(ended) : null);
        var returnUrl = $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
        context.Result = new RedirectResult($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
    }
}
