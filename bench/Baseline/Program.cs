using System.Text.Json;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddStackExchangeRedisCache(options =>
    options.Configuration = builder.Configuration.GetConnectionString("Redis") ?? "localhost:6379");
builder.Services.AddSession(options =>
{
    options.IdleTimeout = TimeSpan.FromMinutes(30);
    options.Cookie.HttpOnly = true;
    options.Cookie.IsEssential = true;
});
builder.Services.AddControllersWithViews();

var app = builder.Build();
app.UseStaticFiles();
app.UseSession();
app.MapGet("/login", async (HttpContext http, string email, string name) =>
{
    var user = new BaselineUser(Guid.NewGuid().ToString("N"), email, name, DateTimeOffset.UtcNow);
    http.Session.SetString("user", JsonSerializer.Serialize(user));
    await http.Session.CommitAsync();
    return Results.Redirect("/profile");
});
app.MapControllers();
app.Run();

public sealed record BaselineUser(string Id, string Email, string DisplayName, DateTimeOffset SignedInAt);
