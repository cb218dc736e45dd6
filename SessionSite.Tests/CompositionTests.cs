using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SessionSite.Forms;
using SessionSite.Tests.Infrastructure;

namespace SessionSite.Tests;

/// <summary>How the site is put together, where a wrong registration would fail silently.</summary>
public sealed class CompositionTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public void AntiforgeryIsTheRememberingDecoratorAroundTheFrameworksOwn()
    {
        var antiforgery = fixture.Site.Services.GetRequiredService<IAntiforgery>();

        Assert.IsType<RememberedRequestTokenAntiforgery>(antiforgery);
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "not-an-ip", "is not an IP address")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99", "is not a network in CIDR form")]
    [InlineData("Session:StepUpWindow", "00:00:00", "Session:StepUpWindow must be positive")]
    [InlineData("Session:StepUpWindow", "1.00:00:00", "Session:StepUpWindow must be positive and at most 12 hours")]
    public async Task AMistypedSettingStopsTheStartWithAClearMessage(string key, string value, string message)
    {
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task OutsideDevelopmentTheSiteRefusesToStartWithoutAPublicBaseUrl()
    {
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?> { ["Site:PublicBaseUrl"] = "" }, environment: "Production");

        var error = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("Site:PublicBaseUrl must be set outside Development", error.Message);
    }
}
