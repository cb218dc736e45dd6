using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SessionSite.Redis;

namespace SessionSite.Controllers;

/// <summary>Friendly pages for failures; re-executed with the original method, hence no HTTP-method attributes.</summary>
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    private const string RetryAfterSeconds = "5";

    [Route("/error")]
    public IActionResult Exception()
    {
        var error = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        if (error is not null && RedisFailure.Is(error))
        {
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = RetryAfterSeconds;
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

    [Route("/status/{code:int}")]
    public IActionResult Status(int code) => View("Status", code);
}
