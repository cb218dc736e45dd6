using Microsoft.AspNetCore.Mvc.ViewFeatures;
using SessionSite.Flash;
using SessionSite.Redis;

namespace SessionSite.Sessions;

/// <summary>"Your session has ended", for a browser whose cookie names a session that is over.</summary>
public static class SessionEndedNote
{
    public static void Flash(HttpContext http, ITempDataDictionaryFactory tempDataFactory, string? reason = null)
    {
        var tempData = tempDataFactory.GetTempData(http);
        tempData.Flash(reason switch
        {
            EndReason.SignedOutElsewhere => "You were signed out from another device. Please sign in again.",
            EndReason.PasswordChanged => "You were signed out because your password was changed. Please sign in again.",
            _ => "Your session has ended: it was unused for a while or reached its time limit. Please sign in again.",
        }, FlashKind.Warning);
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
