using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SessionSite.Controllers;

/// <summary>One-shot messages shown by the layout on the next page, carried in the TempData cookie.</summary>
public static class FlashMessages
{
    public const string Key = "Flash";

    public const string CookieName = "sessionsite-flash";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[Key] = message;

    /// <summary>Touches TempData only when its cookie came back, so ordinary pages neither decrypt nor re-send it.</summary>
    public static string? Read(HttpContext http, ITempDataDictionary tempData) =>
        http.Request.Cookies.ContainsKey(CookieName) ? tempData[Key] as string : null;
}
