using SessionSite.Redis;

namespace SessionSite.Web;

/// <summary>Failures the site answers by design with a 503 page, not bugs: logged briefly, never with their message.</summary>
public static class ExpectedFailure
{
    public static bool Is(Exception exception) => RedisFailure.Is(exception) || exception is SiteBusyException;
}
