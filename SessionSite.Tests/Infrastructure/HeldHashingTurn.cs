using Microsoft.Extensions.DependencyInjection;
using SessionSite.Accounts;

namespace SessionSite.Tests.Infrastructure;

/// <summary>Takes one of the site's password-hashing turns and keeps it until released: a storm on demand.</summary>
public sealed class HeldHashingTurn : IAsyncDisposable
{
    private readonly ManualResetEventSlim release = new();
    private Task holding = Task.CompletedTask;

    public static async Task<HeldHashingTurn> TakeAsync(SiteFactory site)
    {
        var held = new HeldHashingTurn { Gate = site.Services.GetRequiredService<PasswordHashingGate>() };
        var taken = new TaskCompletionSource();
        held.holding = Task.Run(() => held.Gate.RunAsync(() =>
        {
            taken.SetResult();
            return held.release.Wait(TimeSpan.FromSeconds(30));
        }));
        await taken.Task;
        return held;
    }

    public PasswordHashingGate Gate { get; private init; } = null!;

    public async ValueTask DisposeAsync()
    {
        release.Set();
        await holding;
        release.Dispose();
    }
}
