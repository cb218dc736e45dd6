using System.Net;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

/// <summary>The status page tells the status that was actually sent, whatever the request carried.</summary>
public sealed class StatusPageTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task AFormFieldNamedCodeCannotChangeWhatTheStatusPageSays()
    {
        var browser = fixture.Site.NewBrowser();

        var response = await browser.Client.PostAsync("/signin", new FormUrlEncodedContent([new("code", "404")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("400", (await Browser.ParseAsync(response)).QuerySelector("#status-page")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task A70KilobyteFormOnARealServerGetsThe413Page()
    {
        // Kestrel's own body limit applies only on a real socket; the in-memory server has none.
        await using var site = new SiteFactory(fixture.Redis);
        site.UseKestrel(0);
        site.StartServer();
        var client = site.CreateClient();
        await client.GetAsync("/signup");

        var response = await client.PostAsync("/signup", new FormUrlEncodedContent([new("Email", new string('a', 70 * 1024))]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var page = await Browser.ParseAsync(response);
        Assert.Equal("413", page.QuerySelector("#status-page")?.GetAttribute("data-status"));
        Assert.Contains("Too large", page.QuerySelector("#status-page")!.TextContent);
    }
}
