namespace SessionSite.Tests.Infrastructure.Fixtures;

public sealed class ClusterFixture : IAsyncLifetime
{
    public RedisCluster Cluster { get; } = new();

    public SiteFactory Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        Site = new SiteFactory(Cluster.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await Site.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
