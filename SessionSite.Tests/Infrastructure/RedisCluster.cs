using System.Diagnostics;
using StackExchange.Redis;

namespace SessionSite.Tests.Infrastructure;

/// <summary>A real three-master Redis Cluster on loopback, built with redis-server --cluster-enabled and redis-cli --cluster create.</summary>
public sealed class RedisCluster : IAsyncLifetime
{
    private const int Masters = 3;
    private readonly string directory = Directory.CreateTempSubdirectory("sessionsite-cluster-").FullName;
    private readonly List<Process> processes = [];
    private readonly List<int> ports = [];

    public string ConnectionString => string.Join(',', ports.Select(port => $"127.0.0.1:{port}"));

    public async Task InitializeAsync()
    {
        for (var i = 0; i < Masters; i++)
        {
            var port = Loopback.FreePort();
            ports.Add(port);
            var nodeDirectory = Directory.CreateDirectory(Path.Combine(directory, port.ToString())).FullName;
            processes.Add(Loopback.Start("redis-server",
            [
                "--port", port.ToString(), "--cluster-port", Loopback.FreePort().ToString(), "--bind", "127.0.0.1",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000",
                "--dir", nodeDirectory, "--save", "", "--appendonly", "no",
            ]));
        }
        foreach (var port in ports)
            await Poll.UntilAsync(() => Loopback.Accepts(port), $"redis-server on {port}");

        using var create = Loopback.Start("redis-cli", ["--cluster", "create", .. ports.Select(p => $"127.0.0.1:{p}"), "--cluster-replicas", "0", "--cluster-yes"]);
        await create.WaitForExitAsync();
        if (create.ExitCode != 0)
            throw new InvalidOperationException($"redis-cli --cluster create exited with {create.ExitCode}.");

        using var admin = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        await Poll.UntilAsync(() => ports.All(port => IsClusterOk(admin, port)), "the cluster to report cluster_state:ok");
    }

    public async Task DisposeAsync()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
                process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }
        Directory.Delete(directory, recursive: true);
    }

    private static bool IsClusterOk(ConnectionMultiplexer admin, int port) =>
        admin.GetServer($"127.0.0.1:{port}").Execute("CLUSTER", "INFO").ToString()!.Contains("cluster_state:ok");
}
