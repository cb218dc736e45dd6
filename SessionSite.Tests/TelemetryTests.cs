using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using OpenTelemetry.Trace;
using SessionSite.Telemetry;
using SessionSite.Tests.Infrastructure;
using SessionSite.Tests.Infrastructure.Fixtures;
using SessionSite.Tests.Pages;

namespace SessionSite.Tests;

/// <summary>What an operator sees: /metrics for the allowed addresses only, the SessionSite meter, spans without personal data.</summary>
public sealed class TelemetryTests(MailFixture fixture) : IClassFixture<MailFixture>
{
    private MetricCollector<T> Listen<T>(SiteFactory site, string instrument) where T : struct =>
        new(site.Services.GetRequiredService<IMeterFactory>(), SiteMetrics.MeterName, instrument);

    [Fact]
    public async Task MetricsAnswerLoopbackInPrometheusTextWithTheSitesAndTheFrameworksInstruments()
    {
        await UserStories.SignUpAsync(fixture.Site.NewBrowser());

        var response = await fixture.Site.NewBrowser().GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("sessionsite_password_hashing_queue_depth", text);
        Assert.Contains("sessionsite_mail_outbox_pending", text);
        Assert.Contains("http_server_request_duration_seconds", text);
    }

    [Fact]
    public async Task MetricsAreNotFoundFromAnyOtherAddress()
    {
        var response = await fixture.Site.NewBrowser().ComingFrom("203.0.113.7").GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", (await Browser.ParseAsync(response)).QuerySelector("#status-page")?.GetAttribute("data-status"));
    }

    [Fact]
    public async Task AConfiguredNetworkMayScrapeAndThenLoopbackMayNot()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Metrics:AllowedAddresses:0"] = "203.0.113.0/24" });

        Assert.Equal(HttpStatusCode.OK, (await site.NewBrowser().ComingFrom("203.0.113.7").GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task WithTelemetryOffThereIsNoMetricsEndpoint()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Telemetry:Enabled"] = "false" });

        Assert.Equal(HttpStatusCode.NotFound, (await site.NewBrowser().GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task AMistypedAllowedAddressStopsTheStart()
    {
        await using var site = fixture.NewInstance(new Dictionary<string, string?> { ["Metrics:AllowedAddresses:0"] = "localhost" });

        var error = Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("is not an IP address or CIDR network", error.Message);
    }

    [Fact]
    public async Task ABusyAnswerIsCountedAndOnTheSignInFormAsABusySignInAttempt()
    {
        // The real clock: the busy answer pauses BusyAnswerDelay on the site's clock, which the fixture's fake one never moves.
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?> { ["PasswordHashing:MaxConcurrent"] = "1", ["PasswordHashing:QueueLimit"] = "1" });
        using var busy = Listen<long>(site, "sessionsite.busy_answers");
        using var attempts = Listen<long>(site, "sessionsite.sign_in.attempts");
        var held = await HeldHashingTurn.TakeAsync(site);
        var queued = held.Gate.RunAsync(() => true);
        await Poll.UntilAsync(() => held.Gate.IsFull, "the hashing queue to fill");

        var answer = await site.NewBrowser().Client.PostAsync("/signin", new FormUrlEncodedContent([new("Email", "a@example.com")]));
        await held.DisposeAsync();
        await queued;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(1, busy.GetMeasurementSnapshot().EvaluateAsCounter());
        var attempt = Assert.Single(attempts.GetMeasurementSnapshot());
        Assert.Equal(MetricTags.Password, attempt.Tags["method"]);
        Assert.Equal(MetricTags.Busy, attempt.Tags["result"]);
    }

    [Fact]
    public async Task ASentAndAFailedMailEachMoveTheMailCounterWithTheirKind()
    {
        using var sent = Listen<long>(fixture.Site, "sessionsite.mail.sent");
        var (_, email) = await UserStories.SignUpAsync(fixture.Site.NewBrowser());
        await fixture.Smtp.WaitForAsync(email);
        await Poll.UntilAsync(() => sent.GetMeasurementSnapshot().Any(m => m.Tags["result"] as string == "sent"), "the sent mail to be counted");

        await fixture.Smtp.StopServerAsync();
        try
        {
            await (await ForgotPasswordPage.OpenAsync(fixture.Site.NewBrowser().ComingFrom("198.51.100.40"))).AskForLinkAsync(email);
            // Other mail of the shared site (a new-device notice) may fail first while the server is down: wait for the reset's.
            await Poll.UntilAsync(() => sent.GetMeasurementSnapshot().Any(m => m.Tags["kind"] as string == "reset" && m.Tags["result"] as string == "failed"),
                "the failed reset to be counted");
        }
        finally
        {
            await fixture.Smtp.StartServerAsync();
        }

        var measurements = sent.GetMeasurementSnapshot();
        Assert.Contains(measurements, m => m.Tags["kind"] as string == "verify" && m.Tags["result"] as string == "sent");
        Assert.Contains(measurements, m => m.Tags["kind"] as string == "reset" && m.Tags["result"] as string == "failed");
        Assert.All(measurements, m => Assert.DoesNotContain(m.Tags.Values, v => v is string text && text.Contains('@')));
    }

    [Fact]
    public async Task WithoutAnywhereToSendThemNoSpansAreRecorded()
    {
        await using var site = new SiteFactory(fixture.Redis, fixture.Smtp.SiteSettings, clock: fixture.Clock);
        _ = site.NewBrowser();

        Assert.Null(site.Services.GetService<TracerProvider>());
        Assert.NotNull(site.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    [Fact]
    public async Task TheSpansOfASignInCarryNoEmailIdOrToken()
    {
        var spans = new List<System.Diagnostics.Activity>();
        // Traces are recorded when asked for (or when an OTLP endpoint is set): here an in-memory exporter reads them.
        await using var site = new SiteFactory(fixture.Redis, new Dictionary<string, string?>(fixture.Smtp.SiteSettings) { ["Telemetry:Traces"] = "true" }, clock: fixture.Clock)
        {
            TestServices = services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans)),
        };
        var browser = site.NewBrowser();
        var (_, email) = await UserStories.SignUpAsync(browser);
        var cookie = browser.SessionCookie!;
        var signIn = site.NewBrowser();
        await UserStories.SignInAsync(signIn, email);
        await signIn.GetAsync($"/password/reset?token={RedisInspection.TokenOf(cookie)}");
        await fixture.Smtp.WaitForAsync(email);
        // A server span is exported when the request's pipeline is disposed, which may come after the client has its
        // answer: wait for the last request's span as well as the mail's.
        await Poll.UntilAsync(() =>
        {
            site.Services.GetRequiredService<TracerProvider>().ForceFlush();
            var sofar = spans.ToArray().OfType<System.Diagnostics.Activity>().ToArray();
            return sofar.Any(s => s.DisplayName == "mail.send") && sofar.Any(s => s.Kind == ActivityKind.Server && s.GetTagItem("url.query") is not null);
        }, "the mail's span and the reset page's");
        var seen = spans.ToArray().OfType<System.Diagnostics.Activity>().ToArray(); // the exporter keeps adding the mail sender's polling spans: read a copy

        Assert.Contains(seen, s => s.Kind == ActivityKind.Server && (s.GetTagItem("http.route") as string ?? "").Contains("signin"));
        Assert.Contains(seen, s => s.Kind == ActivityKind.Server && s.GetTagItem("url.query") is not null); // present, and redacted
        Assert.Contains(seen, s => s.Kind == ActivityKind.Client && s.Source.Name.Contains("Redis", StringComparison.OrdinalIgnoreCase));
        var signUps = seen.Where(s => s.Kind == ActivityKind.Server && s.GetTagItem("http.route") as string == "signup" && s.GetTagItem("http.request.method") as string == "POST")
            .Select(s => s.TraceId).ToHashSet();
        Assert.Contains(seen, s => s.DisplayName == "password_hashing" && signUps.Contains(s.TraceId));
        Assert.Contains(seen, s => s.DisplayName == "mail.send" && !signUps.Contains(s.TraceId) && s.Links.Any(l => signUps.Contains(l.Context.TraceId)));
        var secrets = new[] { email, RedisInspection.UserIdOf(cookie), RedisInspection.TokenOf(cookie), RedisInspection.TokenOf(signIn.SessionCookie!), UserStories.Password };
        foreach (var span in seen)
        {
            var text = string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " + span.DisplayName;
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, text));
        }
    }
}
