using System.Diagnostics;
using System.Net;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>The site as a real process (dotnet SessionSite.dll, as the Dockerfile runs it), stopped with SIGTERM.</summary>
public sealed class GracefulShutdownTests(PrivateRedisFixture fixture) : IClassFixture<PrivateRedisFixture>
{
    [Fact]
    public async Task SigtermLetsInFlightRequestsFinish()
    {
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        var port = Loopback.FreePort();
        using var site = StartSite(port);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        await Poll.UntilStatusAsync(client, "/healthz", HttpStatusCode.OK);
        var signIn = new SignInPage(new Browser(client, new CookieContainer()), await Browser.ParseAsync(await client.GetAsync("/signin")));

        var zcardBefore = await ZcardCallsAsync();

        // Each sign-in hashes at the production cost (~100 ms of CPU each). The signal is sent only once
        // every request has run the throttle check (two ZCARDs each), which comes just before the hashing.
        var inFlight = Enumerable.Range(0, 8).Select(_ => signIn.PostAsync(email, UserStories.Password)).ToList();
        await Poll.UntilAsync(async () => await ZcardCallsAsync() - zcardBefore >= 2 * inFlight.Count, "every sign-in to reach its throttle check");
        using (var kill = Process.Start("kill", ["-TERM", site.Id.ToString()]))
            await kill.WaitForExitAsync();
        var responses = await Task.WhenAll(inFlight);
        await site.WaitForExitAsync();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(0, site.ExitCode);
    }

    private async Task<long> ZcardCallsAsync() => (await fixture.Redis.CommandCallsAsync()).GetValueOrDefault("zcard");

    private Process StartSite(int port) =>
        Loopback.Start(
            "dotnet",
            ["SessionSite.dll", "--urls", $"http://127.0.0.1:{port}"],
            new Dictionary<string, string>
            {
                ["ConnectionStrings__Redis"] = fixture.Redis.ConnectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Site__PublicBaseUrl"] = "http://localhost",
                ["Logging__LogLevel__Default"] = "Warning",
                // The hashing starves a loaded CI machine's cores; this test is about shutdown, not Redis timeouts.
                ["Redis__OperationTimeoutMilliseconds"] = "10000",
            },
            AppContext.BaseDirectory);
}
