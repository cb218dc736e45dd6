using System.Runtime.CompilerServices;

namespace SessionSite.Tests.Infrastructure;

/// <summary>
/// Each in-memory site watches its settings files and content root, and on Linux every file watcher is an inotify
/// instance: a full run held up to 115 at once of the 128 a user may have, and a second test run on the machine
/// made tests fail with "inotify instances (128) has been reached".
/// Polling watchers (.NET's own switch, read when a file provider is made) hold none; no test is about reloading.
/// </summary>
internal static class PollingFileWatchers
{
#pragma warning disable CA2255 // a test assembly is the one place a module initializer is meant for: before any site is built
    [ModuleInitializer]
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
#pragma warning restore CA2255
}
