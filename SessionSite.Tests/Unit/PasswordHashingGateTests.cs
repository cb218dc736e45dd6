using Microsoft.Extensions.Options;
using SessionSite.Accounts;

namespace SessionSite.Tests.Unit;

public sealed class PasswordHashingGateTests
{
    [Fact]
    public async Task HashesRunOnTheirOwnThreadsBelowNormalPriority()
    {
        // A storm's hashes must yield the CPU to pages: not on the thread pool, and at a Linux nice value above 0.
        using var gate = new PasswordHashingGate(Options.Create(new PasswordHashingOptions { MaxConcurrent = 2 }));
        // The suite may itself run under `nice`: what matters is the hashing threads' value and that the rest keeps the starting one.
        var starting = NiceOfThisThread();

        var seen = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            gate.RunAsync(() => (Nice: NiceOfThisThread(), Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name))));

        Assert.All(seen, thread =>
        {
            Assert.False(thread.IsThreadPoolThread);
            Assert.Equal(LowPriorityThreads.HashingThreadName, thread.Name);
            Assert.True(thread.Nice >= LowPriorityThreads.Niceness, $"a hashing thread ran at nice {thread.Nice}");
        });
        // What follows a hash runs at normal priority: the thread pool never gets a worker born of a hashing thread.
        Assert.Equal(starting, NiceOfThisThread());
    }

    [Fact]
    public async Task AHashThatThrowsFailsItsOwnCheckAndTheThreadsCarryOn()
    {
        using var gate = new PasswordHashingGate(Options.Create(new PasswordHashingOptions { MaxConcurrent = 1 }));

        await Assert.ThrowsAsync<FormatException>(() => gate.RunAsync<int>(() => throw new FormatException()));

        Assert.Equal(42, await gate.RunAsync(() => 42));
    }

    // Field 19 of /proc/thread-self/stat; the fields after the command name start at field 3.
    private static int NiceOfThisThread() =>
        int.Parse(File.ReadAllText("/proc/thread-self/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[16]);
}
