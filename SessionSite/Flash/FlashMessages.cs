using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace SessionSite.Flash;

/// <summary>What a one-shot message means, and so its colour: done, for your information, or take care.</summary>
public enum FlashKind
{
    Info,
    Success,
    Warning,
}

public sealed record FlashMessage(string Text, FlashKind Kind)
{
    public string AlertClass => Kind switch
    {
        FlashKind.Success => "alert-success",
        FlashKind.Warning => "alert-warning",
        _ => "alert-info",
    };
}

/// <summary>One-shot messages shown by the layout on the next page, carried in the TempData cookie.</summary>
public static class FlashMessages
{
    public const string Key = "Flash";
    private const string KindKey = "FlashKind";

    public static void Flash(this ITempDataDictionary tempData, string message, FlashKind kind = FlashKind.Info)
    {
        tempData[Key] = message;
        tempData[KindKey] = (int)kind;
    }

    /// <summary>Touches TempData only when its cookie came back, so ordinary pages neither decrypt nor re-send it.</summary>
    public static FlashMessage? Read(HttpContext http, ITempDataDictionary tempData)
    {
        var cookieName = http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name!;
        if (!http.Request.Cookies.ContainsKey(cookieName) || tempData[Key] is not string text)
            return null;
        return new FlashMessage(text, tempData[KindKey] is int kind ? (FlashKind)kind : FlashKind.Info);
    }
}
