namespace SessionSite.Tests.Infrastructure.Fixtures;

/// <summary>Redis configured as docker-compose.yml ships it, so the sizes below are the ones production pays.</summary>
public sealed class ComposeRedisFixture : SiteFixture
{
    protected override bool NeedsOwnRedis => true;

    protected override string[] RedisArguments => ["--hash-max-listpack-value", "1024"];
}
