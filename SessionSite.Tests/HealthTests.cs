using System.Net;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

public sealed class HealthTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task LivenessAndReadinessAreHealthyWithRedis(string path)
    {
        var response = await fixture.Site.NewBrowser().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthWithoutRedisTests : IAsyncLifetime
{
    private readonly SiteFactory site = new(RedisServer.Unreachable());

    [Fact]
    public async Task LiveButNotReadyWithoutRedis()
    {
        var browser = site.NewBrowser();

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.GetAsync("/readyz")).StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await site.DisposeAsync();
}
