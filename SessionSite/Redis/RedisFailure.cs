using StackExchange.Redis;

namespace SessionSite.Redis;

/// <summary>Which exceptions mean "Redis is unreachable, slow or refusing writes" (answered with 503, not 500).</summary>
public static class RedisFailure
{
    public static bool Is(Exception exception) =>
        exception is RedisException or RedisTimeoutException
        || (exception.InnerException is { } inner && Is(inner));
}
