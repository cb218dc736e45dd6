using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SessionSite.Sessions;

/// <summary>
/// Antiforgery validates a form against <c>HttpContext.User</c>, which the session sets once it is loaded.
/// Pages behind [RequireSession] load it first anyway; public forms (sign-in, sign-up, sign-out) posted with a
/// session cookie load it here, before antiforgery's own filter (order 1000) runs. Reads stay cached per request.
/// </summary>
public sealed class LoadSessionBeforeAntiforgeryFilter(CurrentSession current, SessionCookie cookie, ITempDataDictionaryFactory tempDataFactory)
    : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || !cookie.IsPresent(http.Request))
            return;
        var session = await current.GetAsync(http);
        if (session is null)
        {
            // The form was made for a session that has ended since: its token names a user no longer here, so
            // say what happened instead of letting antiforgery answer a bare 400.
            SessionEndedNote.Flash(http, tempDataFactory);
            context.Result = new RedirectResult("/signin");
            return;
        }
        // A half-way session (password checked, second step not) may post only its second step and sign-out.
        if (!session.Record.IsAuthenticated && !context.ActionDescriptor.EndpointMetadata.OfType<AllowHalfSignedInAttribute>().Any())
            context.Result = new RedirectResult(RequireSessionFilter.TwoStepPath);
    }
}
