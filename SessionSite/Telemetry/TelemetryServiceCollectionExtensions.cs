using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SessionSite.Configuration.Binding;
using SessionSite.Web;

namespace SessionSite.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The framework's meters that tell an operator most: requests, connections, rate limiting.</summary>
    private static readonly string[] FrameworkMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting"];

    /// <summary>
    /// The <c>SessionSite</c> meter always (its instruments cost nothing unheard); OpenTelemetry metrics and traces
    /// when <c>Telemetry:Enabled</c> (default on): Prometheus at <c>/metrics</c>, OTLP only when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IServiceCollection AddSiteTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<TelemetryOptions>(configuration.GetSection(TelemetryOptions.Section));
        services.AddValidatedOptions<MetricsOptions>(configuration.GetSection(MetricsOptions.Section));
        services.AddSingleton<SiteMetrics>();
        if (!configuration.GetSection(TelemetryOptions.Section).GetValue(nameof(TelemetryOptions.Enabled), true))
            return services;

        var otlp = !string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("sessionsite"))
            .WithMetrics(metrics => metrics
                .AddMeter(SiteMetrics.MeterName)
                .AddMeter(FrameworkMeters)
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());
        if (configuration.GetSection(TelemetryOptions.Section).GetValue<bool?>(nameof(TelemetryOptions.Traces)) ?? otlp)
            telemetry.WithTracing(tracing => tracing
                .AddSource(SiteMetrics.MeterName)
                // Query strings carry link tokens: the instrumentation redacts their values; paths carry no secret.
                .AddAspNetCoreInstrumentation(options => options.Filter = http => !http.Request.Path.StartsWithSegments("/metrics"))
                // Statements are not recorded: a Redis command names keys (a token's hash, an email's key).
                .AddRedisInstrumentation(options => options.SetVerboseDatabaseStatements = false));
        if (otlp)
            telemetry.UseOtlpExporter();
        return services;
    }

    /// <summary><c>GET /metrics</c> for the allowed addresses only; anyone else gets the site's ordinary 404.</summary>
    public static WebApplication UseMetricsEndpoint(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Enabled)
            return app;
        // Their gauges exist once they are made: made now, so the first scrape already shows them.
        _ = app.Services.GetServices<IGaugeSource>().ToList();
        var allowed = app.Services.GetRequiredService<IOptions<MetricsOptions>>().Value.Networks();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == "/metrics"
            && System.Net.IPAddress.TryParse(ClientAddress.Of(http), out var client)
            && allowed.Any(network => network.Contains(client)));
        return app;
    }
}
