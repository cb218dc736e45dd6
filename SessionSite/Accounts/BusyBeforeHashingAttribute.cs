using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using SessionSite.Web;

namespace SessionSite.Accounts;

/// <summary>
/// On a form whose first real work is a password hash: when the hashing queue is full, answer "busy" before
/// antiforgery, model binding, validation or any Redis read. In a storm nearly every attempt ends here, so each
/// costs a fraction of what it did after those steps, and the CPU stays with signed-in pages. Nothing is changed
/// by the answer, so skipping the token check lets no forged request do anything.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BusyBeforeHashingAttribute : Attribute, IFilterFactory, IOrderedFilter
{
    // Before LoadSessionBeforeAntiforgeryFilter (-1000) and antiforgery's own filter (1000).
    public int Order => -2000;

    public bool IsReusable => true; // it holds only the singleton gate

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) =>
        new BusyBeforeHashingFilter(serviceProvider.GetRequiredService<PasswordHashingGate>(), Order);
}

public sealed class BusyBeforeHashingFilter(PasswordHashingGate hashing, int order) : IAuthorizationFilter, IOrderedFilter
{
    public const string BusyView = "~/Views/Error/Busy.cshtml";

    public int Order => order;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!hashing.IsFull)
            return;
        RetryLater.Answer(context.HttpContext.Response, StatusCodes.Status503ServiceUnavailable, SiteBusyException.RetryAfter);
        context.Result = new ViewResult { ViewName = BusyView, StatusCode = StatusCodes.Status503ServiceUnavailable };
    }
}
