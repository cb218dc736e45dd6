using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SessionSite.Sessions;

/// <summary>
/// A sensitive page or change: it needs a sign-in or a "confirm it's you" within <see cref="RedisSessionOptions.StepUpWindow"/>.
/// Past it, a GET goes to the confirm page and comes back to itself; a POST goes there and comes back to
/// <see cref="FormPage"/>, the page holding its form, since a form cannot be replayed (nothing typed is kept).
/// Runs after [RequireSession] (order 1), so the session it reads is already loaded: no extra Redis command.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequireConfirmationAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    public const string ConfirmPath = "/account/confirm";

    /// <summary>Where a refused POST sends the person back to once confirmed.</summary>
    public string? FormPage { get; init; }

    public int Order => 1;

    public bool IsReusable => false;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        ActivatorUtilities.CreateInstance<RequireConfirmationFilter>(serviceProvider, this);
}

public sealed class RequireConfirmationFilter(RequireConfirmationAttribute attribute, CurrentSession current, SessionLifetime lifetime, TimeProvider clock)
    : IAsyncAuthorizationFilter
{
    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        var session = await current.GetAsync(http);
        if (session is null || lifetime.IsRecentlyConfirmed(session.Record, clock.GetUtcNow()))
            return;
        var back = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? $"{http.Request.PathBase}{http.Request.Path}{http.Request.QueryString}"
            : attribute.FormPage ?? "/account";
        context.Result = new RedirectResult($"{RequireConfirmationAttribute.ConfirmPath}?returnUrl={Uri.EscapeDataString(back)}");
    }
}
