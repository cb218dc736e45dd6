using System.Net;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

public sealed class StaticAssetTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task LayoutLoadsBootstrapFromTheSiteItselfAndEveryAssetIsServed()
    {
        var browser = fixture.Site.NewBrowser();
        var home = await browser.GetDocumentAsync("/");

        var assets = home.QuerySelectorAll("link[href], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src"))
            .ToList();

        Assert.Contains(assets, a => a!.StartsWith("/lib/bootstrap/"));
        foreach (var asset in assets)
        {
            Assert.StartsWith("/", asset);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(asset!)).StatusCode);
        }
    }

    [Fact]
    public async Task UnknownPageIsAFriendly404()
    {
        var response = await fixture.Site.NewBrowser().GetAsync("/no-such-page");
        var document = await Browser.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", document.QuerySelector("#status-page")?.GetAttribute("data-status"));
    }
}
