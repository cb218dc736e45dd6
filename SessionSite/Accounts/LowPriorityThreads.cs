using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace SessionSite.Accounts;

/// <summary>
/// A few dedicated threads that run password hashes at a lower CPU priority than the thread pool, so a sign-in
/// storm takes only the CPU that pages leave idle: the scheduler lets a page's request preempt a hash. Hashing
/// still gets a share when the machine is full (nice 10 weighs about a tenth of a normal thread), so sign-ins slow
/// down instead of stopping. The gate in front bounds how many hashes wait, so the queue here never grows.
/// </summary>
public sealed class LowPriorityThreads : IDisposable
{
    /// <summary>Linux nice value of each hashing thread: 0 is normal, 19 the lowest.</summary>
    public const int Niceness = 10;

    /// <summary>Thread names, within Linux's 15 characters so `ps` and /proc show them whole.</summary>
    public const string HashingThreadName = "Password hashes", ResultsThreadName = "Hash results";

    private readonly BlockingCollection<Action> hashes = new();
    private readonly BlockingCollection<Action> completions = new();

    public LowPriorityThreads(int count)
    {
        for (var i = 0; i < count; i++)
            new Thread(() => Drain(hashes, lower: true)) { IsBackground = true, Name = HashingThreadName }.Start();
        // A new thread inherits its creator's nice value, and the thread pool adds workers from whichever thread
        // queues work: if a hashing thread resumed the waiting request, it could leave pool threads at nice 10.
        // So hashing threads only hand results over, and this normal-priority thread resumes the requests.
        new Thread(() => Drain(completions, lower: false)) { IsBackground = true, Name = ResultsThreadName }.Start();
    }

    public Task<T> RunAsync<T>(Func<T> function)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        hashes.Add(() =>
        {
            try
            {
                var result = function();
                completions.Add(() => done.SetResult(result));
            }
            catch (Exception e)
            {
                completions.Add(() => done.SetException(e));
            }
        });
        return done.Task;
    }

    public void Dispose()
    {
        hashes.CompleteAdding();
        completions.CompleteAdding();
    }

    private static void Drain(BlockingCollection<Action> queue, bool lower)
    {
        if (lower)
            Lower();
        foreach (var item in queue.GetConsumingEnumerable())
            item();
    }

    private static void Lower()
    {
        // Hand-written: .NET's Thread.Priority does nothing on Linux, and no library sets a thread's nice value.
        // On Linux the nice value belongs to the thread, and who = 0 names the calling one. Raising it needs no
        // privilege; if it were refused anyway (or libc had no such call), hashing would simply run at normal
        // priority, as before, rather than end the process from a thread with no handler.
        try
        {
            if (OperatingSystem.IsLinux())
                SetPriority(PrioProcess, 0, Niceness);
            else
                Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or PlatformNotSupportedException)
        {
        }
    }

    private const int PrioProcess = 0;

    // DllImport, not LibraryImport: three ints need no marshalling, and LibraryImport would need unsafe code.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
#pragma warning restore SYSLIB1054
}
