namespace SessionSite.Tests.Infrastructure.Fixtures;

public sealed class SlowRedisFixture : SiteFixture
{
    protected override bool NeedsOwnRedis => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Redis:OperationTimeoutMilliseconds"] = "1500",
    };
}
