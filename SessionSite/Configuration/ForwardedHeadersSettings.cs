using System.Net;

namespace SessionSite.Configuration;

/// <summary>
/// The <c>ForwardedHeaders</c> section: which proxies may tell the site the client's IP and scheme.
/// Empty lists keep ASP.NET's default, loopback only; listing any replaces it.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. <c>172.16.0.0/12</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep X-Forwarded-For is read.</summary>
    public int ForwardLimit { get; set; } = 1;

    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
            | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = ForwardLimit;
        if (KnownProxies.Length == 0 && KnownNetworks.Length == 0)
            return;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in KnownProxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
