using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace SessionSite.Flash;

/// <summary>One-shot messages shown by the layout on the next page, carried in the TempData cookie.</summary>
public static class FlashMessages
{
    public const string Key = "Flash";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    /// <summary>Touches TempData only when its cookie came back, so ordinary pages neither decrypt nor re-send it.</summary>
    public static string? Read(HttpContext http, ITempDataDictionary tempData)
    {
        var cookieName = http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!;
        return http.Request.Cookies.ContainsKey(cookieName) ? tempData[Key] as string : null;
    }
}
