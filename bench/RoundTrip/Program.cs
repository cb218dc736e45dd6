using StackExchange.Redis;

// Two endpoints that differ only by one awaited Redis read of a 300-byte value (about a session entry's size):
// their rate ratio bounds what any Redis-backed session can reach relative to a page that does no I/O.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var options = ConfigurationOptions.Parse(builder.Configuration.GetConnectionString("Redis") ?? "127.0.0.1:6379");
// SocketManager=ThreadPool runs StackExchange.Redis's I/O on the .NET thread pool instead of its own threads (an experiment knob).
if (builder.Configuration["SocketManager"] == "ThreadPool")
    options.SocketManager = SocketManager.ThreadPool;
var redis = await ConnectionMultiplexer.ConnectAsync(options);
var db = redis.GetDatabase();
await db.StringSetAsync("roundtrip", new string('x', 300));

var app = builder.Build();
app.MapGet("/plain", () => "ok");
app.MapGet("/redis", async () => (await db.StringGetAsync("roundtrip")).HasValue ? "ok" : "missing");
app.Run();
