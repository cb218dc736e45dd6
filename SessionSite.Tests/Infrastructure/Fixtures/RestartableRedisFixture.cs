namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>A Redis that keeps its data in an append-only file, so the test can stop and restart it.</summary>
public sealed class RestartableRedisFixture : SiteFixture
{
    protected override string[] RedisArguments => ["--appendonly", "yes", "--appendfsync", "always"];
}
