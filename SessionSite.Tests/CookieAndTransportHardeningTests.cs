using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>HSTS and cookie flags as a browser behind the documented TLS-terminating proxy meets them.</summary>
public sealed class CookieAndTransportHardeningTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    [Fact]
    public async Task BehindATrustedTlsProxyWithARealHostNameEveryPageCarriesHsts()
    {
        await using var site = new SiteFactory(fixture.Redis, environment: "Production");
        // Plain HTTP from the (loopback, so trusted) proxy, which says the client spoke HTTPS to sessions.example.
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://sessions.example"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        Assert.StartsWith("max-age=31536000", hsts);
    }

    [Fact]
    public async Task OverHttpsTheAntiforgeryFlashSessionAndDeviceCookiesAreAllSecureRootPathWithoutDomain()
    {
        var setCookies = await CookiesOfASignUpAsync(fixture.Site, "https://localhost");

        Assert.Equal(4, setCookies.Count);
        Assert.All(setCookies, header =>
        {
            Assert.Contains("; secure", header, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", header, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", header, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task AnHttpsOnlySiteNamesAllFourCookiesWithTheHostPrefix()
    {
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?> { ["Session:AlwaysSecureCookie"] = "true" });

        var setCookies = await CookiesOfASignUpAsync(site, "https://localhost");

        Assert.Equal(4, setCookies.Count);
        Assert.All(setCookies, header => Assert.StartsWith("__Host-", header));
        Assert.Contains(setCookies, header => header.StartsWith("__Host-sessionsite-antiforgery="));
        Assert.Contains(setCookies, header => header.StartsWith("__Host-sessionsite-flash="));
        Assert.Contains(setCookies, header => header.StartsWith("__Host-sessionsite.device="));
    }

    [Fact]
    public async Task OverPlainHttpNoCookieIsMarkedSecure()
    {
        var setCookies = await CookiesOfASignUpAsync(fixture.Site, "http://localhost");

        Assert.Equal(4, setCookies.Count);
        Assert.All(setCookies, header => Assert.DoesNotContain("; secure", header, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every Set-Cookie of a sign-up (antiforgery from the form page, session, flash and device from the post), by cookie name.</summary>
    private static async Task<IReadOnlyList<string>> CookiesOfASignUpAsync(SiteFactory site, string baseAddress)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });
        var form = await client.GetAsync("/signup");
        var page = new SignUpPage(new Browser(client, new CookieContainer()), await Browser.ParseAsync(form));
        var posted = await page.PostAsync(UserStories.NewEmail(), "Cookies", UserStories.Password);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return form.Headers.GetValues("Set-Cookie").Concat(posted.Headers.GetValues("Set-Cookie"))
            .GroupBy(header => header[..header.IndexOf('=')])
            .Select(group => group.Last())
            .ToList();
    }
}
