using System.Text.Json;
using SessionSite.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace SessionSite.Tests;

/// <summary>No Docker engine runs here, so the compose file and Dockerfile are checked for the shape they must have.</summary>
public sealed class DeploymentFileTests
{
    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryRoot.File("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)((YamlMappingNode)Compose()["services"])[name];

    private static IEnumerable<string> Strings(YamlNode node) =>
        ((YamlSequenceNode)node).Children.Select(child => ((YamlScalarNode)child).Value!);

    [Fact]
    public void RedisServiceIsDurableAndNeverEvicts()
    {
        var redis = Service("redis");

        Assert.StartsWith("redis:7", ((YamlScalarNode)redis["image"]).Value);
        var command = string.Join(' ', Strings(redis["command"]));
        Assert.Contains("--appendonly yes", command);
        Assert.Contains("--appendfsync everysec", command);
        Assert.Contains("--maxmemory-policy noeviction", command);
        Assert.Contains("--hash-max-listpack-value 1024", command);
        Assert.Contains("redis-data:/data", Strings(redis["volumes"]));
        Assert.Contains("redis-data", ((YamlMappingNode)Compose()["volumes"]).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        Assert.Contains("redis-cli", Strings(((YamlMappingNode)redis["healthcheck"])["test"]));
    }

    [Fact]
    public void WebServiceBuildsFromTheDockerfileAndWaitsForHealthyRedis()
    {
        var web = Service("web");

        var build = (YamlMappingNode)web["build"];
        Assert.Equal("SessionSite/Dockerfile", ((YamlScalarNode)build["dockerfile"]).Value);
        Assert.True(File.Exists(RepositoryRoot.File("SessionSite", "Dockerfile")));
        Assert.Contains("8080:8080", Strings(web["ports"]));
        Assert.Equal("redis:6379", ((YamlScalarNode)((YamlMappingNode)web["environment"])["ConnectionStrings__Redis"]).Value);
        var dependsOn = (YamlMappingNode)((YamlMappingNode)web["depends_on"])["redis"];
        Assert.Equal("service_healthy", ((YamlScalarNode)dependsOn["condition"]).Value);
    }

    [Fact]
    public void WebServiceIsHealthCheckedThroughReadyz()
    {
        var test = string.Join(' ', Strings(((YamlMappingNode)Service("web")["healthcheck"])["test"]));

        Assert.Contains("/readyz", test);
    }

    [Fact]
    public void ScaleProfileRunsTwoReplicasBehindNginx()
    {
        var replica = Service("web-replica");
        var proxy = Service("proxy");

        Assert.Contains("scale", Strings(replica["profiles"]));
        Assert.Contains("scale", Strings(proxy["profiles"]));
        Assert.Equal(((YamlScalarNode)Service("web")["image"]).Value, ((YamlScalarNode)replica["image"]).Value);
        Assert.False(replica.Children.ContainsKey("build")); // one image, built once by web
        Assert.StartsWith("nginx", ((YamlScalarNode)proxy["image"]).Value);
        var mount = Assert.Single(Strings(proxy["volumes"]));
        var config = File.ReadAllText(RepositoryRoot.File(mount.Split(':')[0]));
        Assert.Contains("server web:8080;", config);
        Assert.Contains("server web-replica:8080;", config);
        Assert.Contains("X-Forwarded-For", config);
    }

    [Fact]
    public void ForwardedHeadersAreBelievedOnlyFromTheProxysFixedAddress()
    {
        var proxy = Service("proxy");
        var proxyAddress = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)proxy["networks"])["site"])["ipv4_address"]).Value;

        foreach (var name in new[] { "web", "web-replica" })
        {
            var environment = (YamlMappingNode)Service(name)["environment"];
            var trust = environment.Children.Where(e => ((YamlScalarNode)e.Key).Value!.StartsWith("ForwardedHeaders__")).ToList();
            var only = Assert.Single(trust);
            Assert.Equal("ForwardedHeaders__KnownProxies__0", ((YamlScalarNode)only.Key).Value);
            Assert.Equal(proxyAddress, ((YamlScalarNode)only.Value).Value);
        }
    }

    [Fact]
    public void MailGoesToAPinnedMailDevWhoseInboxIsPublishedOn1080()
    {
        var maildev = Service("maildev");

        Assert.Equal("maildev/maildev:3.0.0", ((YamlScalarNode)maildev["image"]).Value);
        Assert.Contains("1080:1080", Strings(maildev["ports"]));
        foreach (var name in new[] { "web", "web-replica" })
        {
            var environment = (YamlMappingNode)Service(name)["environment"];
            Assert.Equal("maildev", ((YamlScalarNode)environment["Mail__Host"]).Value);
            Assert.Equal("1025", ((YamlScalarNode)environment["Mail__Port"]).Value);
            Assert.Equal("None", ((YamlScalarNode)environment["Mail__Security"]).Value);
            Assert.StartsWith("http://localhost:", ((YamlScalarNode)environment["Site__PublicBaseUrl"]).Value);
        }
    }

    [Fact]
    public void DockerfileBuildsOnTheSdkAndRunsOnTheAspNetRuntime()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("SessionSite", "Dockerfile"));

        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build"));
        Assert.Contains(lines, l => l.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0"));
        Assert.DoesNotContain(lines, l => l.Contains("ASPNETCORE_URLS")); // the runtime image's ASPNETCORE_HTTP_PORTS=8080 serves
        Assert.Contains(lines, l => l.StartsWith("ENTRYPOINT") && l.Contains("SessionSite.dll"));
    }

    [Fact]
    public void EveryLibmanFileIsCommittedUnderWwwroot()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.File("libman.json")));

        foreach (var library in manifest.RootElement.GetProperty("libraries").EnumerateArray())
        {
            var destination = library.GetProperty("destination").GetString()!;
            foreach (var file in library.GetProperty("files").EnumerateArray())
                Assert.True(File.Exists(RepositoryRoot.File(destination, file.GetString()!)), $"{destination}{file} is missing");
        }
    }

    [Fact]
    public void PrometheusRunsPinnedScrapesEveryInstanceAndAloneMayReadMetrics()
    {
        var prometheus = Service("prometheus");

        Assert.Equal("prom/prometheus:v3.5.0", ((YamlScalarNode)prometheus["image"]).Value);
        Assert.Contains("9090:9090", Strings(prometheus["ports"]));
        Assert.Contains("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml:ro", Strings(prometheus["volumes"]));
        Assert.Contains("./deploy/alerts.yml:/etc/prometheus/alerts.yml:ro", Strings(prometheus["volumes"]));
        Assert.Contains("/-/ready", string.Join(' ', Strings(((YamlMappingNode)prometheus["healthcheck"])["test"])));
        var address = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)prometheus["networks"])["site"])["ipv4_address"]).Value;
        foreach (var web in new[] { "web", "web-replica" })
            Assert.Equal(address, ((YamlScalarNode)((YamlMappingNode)Service(web)["environment"])["Metrics__AllowedAddresses__0"]).Value);
    }

    [Fact]
    public async Task ThePrometheusConfigurationIsValidAndEveryAlertRuleFiresOnlyWhenItShould()
    {
        // promtool from Debian's prometheus package (2.42), which .ci/run installs; the same files load in 3.5.
        await PromtoolAsync("check", "config", RepositoryRoot.File("deploy/prometheus.yml"));
        await PromtoolAsync("test", "rules", RepositoryRoot.File("deploy/tests/alerts.test.yml"));
    }

    private static async Task PromtoolAsync(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("promtool") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await output + errors);
    }
}
