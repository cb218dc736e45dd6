using System.ComponentModel.DataAnnotations;
using System.Net;

namespace SessionSite.Telemetry;

/// <summary>The <c>Telemetry</c> section: OpenTelemetry metrics and traces on or off.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Record traces. Unset: only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, since spans with nowhere to go
    /// would cost every request (and every Redis call) for nothing.
    /// </summary>
    public bool? Traces { get; set; }
}

/// <summary>The <c>Metrics</c> section: who may read <c>GET /metrics</c>.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    /// <summary>Client addresses (after forwarded headers) or CIDR networks allowed to scrape; default loopback only.</summary>
    public List<string> AllowedAddresses { get; set; } = [];

    private static readonly string[] Loopback = ["127.0.0.1", "::1"];

    public IReadOnlyList<System.Net.IPNetwork> Networks() =>
        (AllowedAddresses.Count == 0 ? Loopback : AllowedAddresses.ToArray()).Select(Parse).ToList();

    private static System.Net.IPNetwork Parse(string entry) =>
        entry.Contains('/') ? System.Net.IPNetwork.Parse(entry) : new System.Net.IPNetwork(IPAddress.Parse(entry), IPAddress.Parse(entry).GetAddressBytes().Length * 8);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in AllowedAddresses)
        {
            if (!(entry.Contains('/') ? System.Net.IPNetwork.TryParse(entry, out _) : IPAddress.TryParse(entry, out _)))
                yield return new ValidationResult($"Metrics:AllowedAddresses: '{entry}' is not an IP address or CIDR network.");
        }
    }
}
