using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace SessionSite.Controllers;

/// <summary>One-shot messages shown by the layout on the next page.</summary>
public static class FlashMessages
{
    public const string Key = "Flash";

    public static void Flash(this ITempDataDictionary tempData, string message) => tempData[Key] = message;
}
