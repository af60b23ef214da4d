using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Engagement.Api.Tests.Hosting;

/// <summary>
/// Every line that every <see cref="EngagementAppFactory"/> host of this test run logs, as its providers would write it
/// (the host's own level filters apply), so a test can check what the platform writes to its logs.
/// </summary>
public static class HostLogs
{
    // Enough for a whole run of the suite; beyond it lines are counted but not kept, so memory stays bounded.
    private const int MaxLines = 200_000;

    /// <summary>
    /// Set by the test command: every line is also appended to this file (one JSON string per line), so that once the
    /// whole suite has run, the scan in <see cref="PersonalInformationInLogsTests"/> reads what every test's hosts logged.
    /// </summary>
    public const string FileVariable = "ENGAGEMENT_HOST_LOG_FILE";

    private static readonly ConcurrentQueue<string> Lines = new();
    private static readonly Lock FileGate = new();
    private static readonly StreamWriter? File = OpenFile();
    private static int _dropped;

    /// <summary>The lines captured so far.</summary>
    public static IReadOnlyList<string> Snapshot() => Lines.ToArray();

    /// <summary>How many lines were logged after the capture was full.</summary>
    public static int Dropped => Volatile.Read(ref _dropped);

    private static void Add(string line)
    {
        if (Lines.Count < MaxLines)
            Lines.Enqueue(line);
        else
            Interlocked.Increment(ref _dropped);
        if (File is not null)
        {
            lock (FileGate)
                File.WriteLine(System.Text.Json.JsonSerializer.Serialize(line));
        }
    }

    private static StreamWriter? OpenFile() =>
        Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } path
            ? new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true }
            : null;

    /// <summary>The provider each factory adds to its host.</summary>
    public sealed class Provider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // No event id: a generated one has ten digits, which read as a phone number. The exception in full: a message or
            // inner message quoting its input is where personal data most often slips in.
            var line = $"{logLevel} {category}: {formatter(state, exception)}";
            Add(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
        }
    }
}
