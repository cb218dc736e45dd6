using Microsoft.AspNetCore.Diagnostics;

namespace SessionSite.Configuration;

/// <summary>
/// Answers 413 when a request declares a body over the limit. Kestrel enforces the same limit only as the
/// body is read, and antiforgery reports such read failures as a plain 400; checking the declared length
/// first gives the client the status that says what is wrong. Chunked bodies still meet Kestrel's limit.
/// </summary>
public sealed class DeclaredBodyLimitMiddleware(RequestDelegate next)
{
    /// <summary>Our largest honest form is a few KB; Kestrel refuses bodies past this with 413.</summary>
    public const int MaxRequestBodyBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        var rendersStatusPage = context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
        if (context.Request.ContentLength > MaxRequestBodyBytes && !rendersStatusPage)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return Task.CompletedTask;
        }
        return next(context);
    }
}
