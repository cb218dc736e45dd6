using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SessionSite.Tests.Infrastructure;

/// <summary>Every log entry the site writes, kept in memory so tests can read what was (and was not) logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> entries = new();

    public IReadOnlyList<Entry> Entries => entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, EventId EventId, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> State);

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            var message = formatter(state, exception) + (exception is null ? "" : " " + exception);
            entries.Enqueue(new Entry(category, eventId, logLevel, message, values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }
}
