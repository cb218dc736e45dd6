using System.ComponentModel.DataAnnotations;

namespace SessionSite.Redis;

/// <summary>The <c>Redis</c> section: how long the site waits for Redis before answering 503.</summary>
public sealed class RedisConnectionOptions
{
    public const string Section = "Redis";

    [Range(100, 60_000)]
    public int ConnectTimeoutMilliseconds { get; set; } = 2000;

    [Range(100, 60_000)]
    public int OperationTimeoutMilliseconds { get; set; } = 2000;
}
