using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using SessionSite.Web;

namespace SessionSite.Accounts;

/// <summary>
/// On a form whose first real work is a password hash: when the hashing queue is full, answer "busy" before
/// antiforgery, model binding, validation or any Redis read. In a storm nearly every attempt ends here, so each
/// costs a fraction of what it did after those steps, and the CPU stays with signed-in pages. Nothing is changed
/// by the answer, so skipping the token check lets no forged request do anything. The answer is sent after
/// <see cref="PasswordHashingOptions.BusyAnswerDelay"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BusyBeforeHashingAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    // Before SessionGateFilter (-1000) and antiforgery's own filter (1000).
    public int Order => -2000;

    public bool IsReusable => true; // it holds only singletons: the gate, the options, the clock

    /// <summary>On a sign-in form: the method its busy answers count under in <c>sessionsite.sign_in.attempts</c>.</summary>
    public string? SignInMethod { get; init; }

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new BusyBeforeHashingFilter(
            serviceProvider.GetRequiredService<PasswordHashingGate>(), serviceProvider.GetRequiredService<IOptions<PasswordHashingOptions>>(),
            serviceProvider.GetRequiredService<TimeProvider>(), serviceProvider.GetRequiredService<Telemetry.SiteMetrics>(), Order, SignInMethod);
}

public sealed class BusyBeforeHashingFilter(
    PasswordHashingGate hashing, IOptions<PasswordHashingOptions> options, TimeProvider clock, Telemetry.SiteMetrics metrics, int order,
    string? signInMethod = null)
    : IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string BusyView = "~/Shared/Busy.cshtml";

    public int Order => order;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (!hashing.IsFull)
            return;
        metrics.BusyAnswer();
        if (signInMethod is not null)
            metrics.SignInAttempt(signInMethod, Telemetry.MetricTags.Busy);
        // A client that re-posts the moment it is refused (a stuffing script, a retry loop) would otherwise turn
        // every refusal into another request at once; a short pause, holding no thread, slows such a loop to a few
        // requests a second per connection and costs a person who meets it a quarter of a second.
        await Task.Delay(options.Value.BusyAnswerDelay, clock, context.HttpContext.RequestAborted);
        RetryLater.RefuseForSeconds(context.HttpContext.Response, StatusCodes.Status503ServiceUnavailable, SiteBusyException.RetryAfter);
        context.Result = new ViewResult { ViewName = BusyView, StatusCode = StatusCodes.Status503ServiceUnavailable };
    }
}
