using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
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
            var port = FreePort();
            ports.Add(port);
            var nodeDirectory = Directory.CreateDirectory(Path.Combine(directory, port.ToString())).FullName;
            processes.Add(Run("redis-server",
                "--port", port.ToString(), "--cluster-port", FreePort().ToString(), "--bind", "127.0.0.1",
                "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000",
                "--dir", nodeDirectory, "--save", "", "--appendonly", "no"));
        }
        foreach (var port in ports)
            await WaitUntilAsync(() => Accepts(port), $"redis-server on {port}");

        using var create = Run("redis-cli", ["--cluster", "create", .. ports.Select(p => $"127.0.0.1:{p}"), "--cluster-replicas", "0", "--cluster-yes"]);
        await create.WaitForExitAsync();
        if (create.ExitCode != 0)
            throw new InvalidOperationException($"redis-cli --cluster create failed: {await create.StandardError.ReadToEndAsync()}");

        using var admin = await ConnectionMultiplexer.ConnectAsync(ConnectionString);
        await WaitUntilAsync(() => ports.All(port => IsClusterOk(admin, port)), "the cluster to report cluster_state:ok");
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

    private static Process Run(string file, params string[] arguments)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        return process;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
