using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SessionSite.Redis;
using SessionSite.Sessions;
using SessionSite.Telemetry;
using SessionSite.Web;

namespace SessionSite.Errors;

/// <summary>Friendly pages for failures; re-executed with the original method, hence no HTTP-method attributes.</summary>
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
[PublicPage]
public sealed partial class ErrorController(ILogger<ErrorController> logger, SiteMetrics metrics) : Controller
{
    private static readonly TimeSpan RedisRetryAfter = TimeSpan.FromSeconds(5);

    [Route("/error")]
    public IActionResult Exception()
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>();
        var error = failed?.Error;
        var path = failed?.Path ?? HttpContext.Request.Path.Value ?? "";
        if (error is SiteBusyException)
        {
            LogBusy(logger, path);
            metrics.BusyAnswer();
            RetryLater.RefuseForSeconds(Response, StatusCodes.Status503ServiceUnavailable, SiteBusyException.RetryAfter);
            return View("Busy");
        }
        if (error is not null && RedisFailure.Is(error))
        {
            LogRedisUnavailable(logger, error.GetType().Name, path);
            metrics.RedisFailure();
            ViewData["RetryPath"] = path.StartsWith('/') && !path.StartsWith("//") ? path : "/";
            ViewData["WasPost"] = HttpMethods.IsPost(HttpContext.Request.Method);
            RetryLater.RefuseForSeconds(Response, StatusCodes.Status503ServiceUnavailable, RedisRetryAfter);
            return View("ServiceUnavailable");
        }
        if (error is BadHttpRequestException badRequest)
        {
            // The client's fault (body too large, malformed request): say so with its own 4xx.
            Response.StatusCode = badRequest.StatusCode;
            return View("Status", badRequest.StatusCode);
        }
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError");
    }

    /// <summary>
    /// The status actually sent, from the re-execution (or the route when asked directly), never model-bound:
    /// binding would read the form, which a client can fill with "code=404" or make too large to read.
    /// </summary>
    [Route("/status/{code:int}")]
    public IActionResult Status() =>
        View("Status", HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? int.Parse((string)RouteData.Values["code"]!, System.Globalization.CultureInfo.InvariantCulture));

    // The exception type says which failure; its message is left out because Redis messages can name keys and values.
    [LoggerMessage(2001, LogLevel.Warning, "Redis unavailable ({FailureType}) while serving {Path}; answered 503")]
    private static partial void LogRedisUnavailable(ILogger logger, string failureType, string path);

    [LoggerMessage(2002, LogLevel.Warning, "Too many password checks waiting while serving {Path}; answered 503 busy")]
    private static partial void LogBusy(ILogger logger, string path);
}
