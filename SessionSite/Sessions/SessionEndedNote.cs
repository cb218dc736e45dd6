using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SessionSite.Flash;
using SessionSite.Redis;

namespace SessionSite.Sessions;

/// <summary>"Your session has ended", for a browser whose cookie names a session that is over.</summary>
public static class SessionEndedNote
{
    public static void Flash(HttpContext http, ITempDataDictionaryFactory tempDataFactory)
    {
        var tempData = tempDataFactory.GetTempData(http);
        tempData.Flash("Your session has ended. Please sign in again.");
        try
        {
            tempData.Save(); // the redirect short-circuits MVC's own TempData saving
        }
        catch (Exception e) when (RedisFailure.Is(e))
        {
            // The note is encrypted with data-protection keys kept in Redis; without them, the redirect still matters.
            tempData.Clear();
        }
    }
}
