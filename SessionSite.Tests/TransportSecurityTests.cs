using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

public sealed class TransportSecurityTests(SiteFixture fixture) : IClassFixture<SiteFixture>
{
    private static async Task<string> SessionSetCookieAsync(HttpClient client, string? forwardedProto = null)
    {
        var form = await client.GetAsync("/signup");
        // The client keeps its own cookies; the Browser wrapper is only used to fill in and submit the form.
        var page = new SignUpPage(new Browser(client, new CookieContainer()), await Browser.ParseAsync(form));
        var email = UserStories.NewEmail();
        if (forwardedProto is not null)
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        var response = await page.PostAsync(email, "Secure", UserStories.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Assert.Single(response.Headers.GetValues("Set-Cookie"), h => h.Contains("sessionsite=") && !h.Contains("antiforgery"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/signin")]
    [InlineData("/no-such-page")]
    public async Task EveryPageCarriesTheSecurityHeaders(string path)
    {
        var response = await fixture.Site.NewBrowser().GetAsync(path);

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("form-action 'self'", csp);
        Assert.Contains("base-uri 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Cross-Origin-Opener-Policy")));
        Assert.NotEmpty(response.Headers.GetValues("Permissions-Policy"));
    }

    [Fact]
    public async Task PagesUseNoInlineScriptOrStyleThatTheCspWouldBlock()
    {
        var browser = fixture.Site.NewBrowser();
        var (profile, _) = await UserStories.SignUpAsync(browser);
        var pages = new[] { profile.Document, await browser.GetDocumentAsync("/sessions"), await browser.GetDocumentAsync("/account/password"),
            await fixture.Site.NewBrowser().GetDocumentAsync("/signup"), await fixture.Site.NewBrowser().GetDocumentAsync("/") };

        foreach (var page in pages)
        {
            Assert.All(page.QuerySelectorAll("script"), script => Assert.True(script.HasAttribute("src")));
            Assert.Empty(page.QuerySelectorAll("[style], style"));
            Assert.DoesNotContain(page.QuerySelectorAll("*").SelectMany(e => e.Attributes), a => a.Name.StartsWith("on"));
        }
    }

    [Fact]
    public async Task OverHttpsTheCookieIsSecureWithTheHostPrefix()
    {
        var client = fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var header = await SessionSetCookieAsync(client);

        Assert.StartsWith("__Host-sessionsite=", header);
        Assert.Contains("secure", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", header);
        Assert.DoesNotContain("domain=", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task BehindATrustedTlsProxyTheCookieIsSecureWithTheHostPrefix()
    {
        var client = fixture.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var header = await SessionSetCookieAsync(client, forwardedProto: "https");

        Assert.StartsWith("__Host-sessionsite=", header);
        Assert.Contains("secure", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ForwardedHeadersFromAnUntrustedProxyAreIgnored()
    {
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "10.1.2.3" });
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var header = await SessionSetCookieAsync(client, forwardedProto: "https");

        Assert.StartsWith("sessionsite=", header);
        Assert.DoesNotContain("secure", header, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProductionSendsHstsForAtLeastAYearOverHttps()
    {
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?>(), environment: "Production");
        // ASP.NET never sends HSTS to localhost, so ask for the site by a real-looking name.
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://sessionsite.example"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        var hsts = Assert.Single(response.Headers.GetValues("Strict-Transport-Security"));
        var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1]);
        Assert.True(maxAge >= 31_536_000, hsts);
    }
}
