using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SessionSite.Redis;

namespace SessionSite.Sessions;

/// <summary>
/// The one gate in front of every action, deciding by <see cref="SessionGate"/> from the action's
/// <see cref="PageAccessAttribute"/> (an action that names none needs a complete session: a forgotten marker
/// fails closed). It runs before antiforgery (order 1000), which validates a form against <c>HttpContext.User</c>
/// and so needs the session loaded first; the read is cached for the rest of the request.
/// </summary>
public sealed class SessionGateFilter(CurrentSession current, SessionCookie cookie, SessionRevocation revocation, ITempDataDictionaryFactory tempDataFactory)
    : IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string TwoStepPath = "/signin/two-step";

    public int Order => -1000;

    public static PageAccess AccessOf(IEnumerable<object> endpointMetadata) =>
        endpointMetadata.OfType<PageAccessAttribute>().LastOrDefault()?.Access ?? PageAccess.SignedIn;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        // An error page re-executed for a failed request: the gate judged that request already, and asking Redis
        // again here (it may be why the request failed) would turn the friendly 503 into a bare 500.
        if (http.Features.Get<IExceptionHandlerFeature>() is not null || http.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            return;
        var access = AccessOf(context.ActionDescriptor.EndpointMetadata);
        var isPost = !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method);
        if (access == PageAccess.SignedIn)
            // Pages behind the gate show account data: never let a shared cache or the back button keep them.
            // The exact value antiforgery sets: anything else makes it log a warning on every page with a form.
            http.Response.Headers.CacheControl = "no-cache, no-store";
        var hasCookie = cookie.IsPresent(http.Request);
        if (!SessionGate.NeedsSession(access, hasCookie, isPost))
            return;
        var session = await current.GetAsync(http);
        switch (SessionGate.Decide(access, new PresentedSession(hasCookie, session?.Record.Stage), isPost))
        {
            case GateVerdict.FinishSecondStep:
                context.Result = new RedirectResult(TwoStepPath);
                break;
            case GateVerdict.SignIn when access == PageAccess.SignedIn:
                if (hasCookie)
                    SessionEndedNote.Flash(http, tempDataFactory, cookie.TryRead(http.Request, out var ended) ? await EndReasonAsync(ended) : null);
                var returnUrl = $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}";
                context.Result = new RedirectResult($"/signin?returnUrl={Uri.EscapeDataString(returnUrl)}");
                break;
            case GateVerdict.SignIn:
                // Say what happened instead of letting antiforgery answer a bare 400.
                SessionEndedNote.Flash(http, tempDataFactory);
                context.Result = new RedirectResult("/signin");
                break;
        }
    }

    // Only on the way out, and never fatal: without Redis the plain note still goes.
    private async Task<string?> EndReasonAsync(SessionCredential ended)
    {
        try
        {
            return await revocation.EndReasonAsync(ended);
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            return null;
        }
    }
}
