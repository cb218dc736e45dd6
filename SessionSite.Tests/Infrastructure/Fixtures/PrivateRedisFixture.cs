namespace SessionSite.Tests.Infrastructure.Fixtures;

public sealed class PrivateRedisFixture : SiteFixture
{
    protected override bool NeedsOwnRedis => true;
}
