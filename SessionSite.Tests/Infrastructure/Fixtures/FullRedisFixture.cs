namespace SessionSite.Tests.Infrastructure.Fixtures;

public sealed class FullRedisFixture : SiteFixture
{
    protected override string[] RedisArguments => ["--maxmemory-policy", "noeviction"];
}
