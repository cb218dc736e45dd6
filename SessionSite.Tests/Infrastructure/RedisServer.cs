using System.Diagnostics;
using StackExchange.Redis;

namespace SessionSite.Tests.Infrastructure;

/// <summary>
/// A real redis-server on a free loopback port, owned by the test run and stopped by its process id.
/// Set SESSIONSITE_TEST_REDIS=host:port to use a server you run yourself instead.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string ExternalServerVariable = "SESSIONSITE_TEST_REDIS";

    private string? dataDirectory;
    private readonly IReadOnlyList<string> extraArguments;
    private Process? process;
    private ConnectionMultiplexer? admin;

    private RedisServer(int port, IReadOnlyList<string> extraArguments)
    {
        Port = port;
        this.extraArguments = extraArguments;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>A connection for the tests themselves, to look inside Redis.</summary>
    public IDatabase Database => (admin ??= ConnectionMultiplexer.Connect($"{ConnectionString},allowAdmin=true")).GetDatabase();

    public IServer Server => Database.Multiplexer.GetServer(ConnectionString);

    /// <summary>Starts a server; the external one is used instead only when the test needs nothing of its own.</summary>
    public static async Task<RedisServer> StartAsync(string[] extraArguments, bool mayShare = true)
    {
        var external = Environment.GetEnvironmentVariable(ExternalServerVariable);
        if (!string.IsNullOrWhiteSpace(external) && mayShare && extraArguments.Length == 0)
            return new RedisServer(int.Parse(external.Split(':')[^1]), []);
        var server = new RedisServer(Loopback.FreePort(), extraArguments);
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>A port nothing listens on: for the site's behaviour without Redis.</summary>
    public static RedisServer Unreachable() => new(Loopback.FreePort(), []);

    /// <summary>Starts the process again on the same port and data directory (after <see cref="StopProcess"/>).</summary>
    public async Task StartProcessAsync()
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("sessionsite-redis-").FullName;
        var arguments = new List<string>
        {
            "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", dataDirectory, "--protected-mode", "yes",
        };
        arguments.AddRange(extraArguments);
        process = Loopback.Start("redis-server", arguments);
        await Poll.UntilAsync(() => Loopback.Accepts(Port), "redis-server to accept connections");
    }

    public void StopProcess()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        admin?.Dispose();
        StopProcess();
        process?.Dispose();
        if (dataDirectory is not null)
            await Task.Run(() => Directory.Delete(dataDirectory, recursive: true));
    }

    /// <summary>How many times Redis has run each command since it started.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CommandCallsAsync()
    {
        var sections = await Server.InfoAsync("commandstats");
        return sections.SelectMany(section => section)
            .ToDictionary(
                entry => entry.Key.Replace("cmdstat_", ""),
                entry => long.Parse(entry.Value.Split(',')[0].Split('=')[1]));
    }
}
