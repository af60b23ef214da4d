using System.Collections.Concurrent;
using System.IO.Pipelines;
using Engagement.Api.Settings;
using Microsoft.AspNetCore.Connections;

namespace Engagement.Api.Live;

/// <summary>
/// Closes live connections whose viewer has stopped taking what the server sends.
/// <para>
/// SignalR writes each update into a bounded buffer per connection (<see cref="LiveSettings.ViewerBufferBytes"/>)
/// and waits when it is full. A viewer that stops reading its socket fills its kernel buffers and then that one; from
/// then on every write to it waits, and with the Redis backplane the node's delivery to the viewer's whole group
/// waits with it. This watch sits between the hub and the connection's output: a flush that has waited longer than
/// <see cref="LiveSettings.StalledViewerTimeout"/> means the viewer took nothing for that long, and its connection is
/// aborted, which releases the write and the memory held for it. Viewers that merely stop sending (a frozen tab, a
/// lost network) are closed by SignalR's own client timeout instead; this covers the ones that keep pinging.
/// </para>
/// </summary>
public sealed partial class StalledViewers(EngagementSettings settings, TimeProvider clock, ILogger<StalledViewers> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<string, Watched> _watched = new();
    private long _closed;

    /// <summary>Connections closed because they stalled, since start-up.</summary>
    public long Closed => Interlocked.Read(ref _closed);

    /// <summary>Connection middleware for the hub's endpoint: watches the connection's output while the hub runs on it.</summary>
    public async Task WatchAsync(ConnectionContext connection, ConnectionDelegate next)
    {
        var original = connection.Transport;
        var output = new WatchedOutput(original.Output, clock);
        connection.Transport = new DuplexPipe(original.Input, output);
        _watched[connection.ConnectionId] = new Watched(connection, output);
        try
        {
            await next(connection);
        }
        finally
        {
            _watched.TryRemove(connection.ConnectionId, out _);
            connection.Transport = original;
        }
    }

    /// <summary>Aborts every watched connection whose output has waited longer than the timeout; returns how many.</summary>
    public int CloseStalled()
    {
        var now = clock.GetUtcNow();
        var closed = 0;
        foreach (var (id, watched) in _watched)
        {
            if (watched.Output.WaitingFor(now) <= settings.Live.StalledViewerTimeout || !_watched.TryRemove(id, out _))
                continue;
            watched.Connection.Abort(new ConnectionAbortedException("The viewer read nothing for longer than Live:StalledViewerTimeoutSeconds."));
            closed++;
        }
        if (closed > 0)
        {
            Interlocked.Add(ref _closed, closed);
            LogClosed(logger, closed, settings.Live.StalledViewerTimeout.TotalSeconds);
        }
        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Checking four times per timeout closes a stalled viewer within 1.25 timeouts of its last read.
        var period = TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, settings.Live.StalledViewerTimeout.Ticks / 4));
        using var timer = new PeriodicTimer(period, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                CloseStalled();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed {Count} live connection(s) whose viewer read nothing for {Seconds} s.")]
    private static partial void LogClosed(ILogger logger, int count, double seconds);

    private sealed record Watched(ConnectionContext Connection, WatchedOutput Output);

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;
}

/// <summary>A pass-through <see cref="PipeWriter"/> that remembers since when its current flush has been waiting for the reader.</summary>
internal sealed class WatchedOutput(PipeWriter inner, TimeProvider clock) : PipeWriter
{
    // UTC ticks at which the flush now waiting began, or 0. SignalR writes one message at a time per connection,
    // so there is never more than one flush to remember.
    private long _waitingSince;

    /// <summary>How long the current flush has waited, or zero when none is waiting.</summary>
    public TimeSpan WaitingFor(DateTimeOffset now)
    {
        var since = Volatile.Read(ref _waitingSince);
        return since == 0 ? TimeSpan.Zero : now - new DateTimeOffset(since, TimeSpan.Zero);
    }

    public override void Advance(int bytes) => inner.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes;

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => Watch(inner.FlushAsync(cancellationToken));

    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default) =>
        Watch(inner.WriteAsync(source, cancellationToken));

    private ValueTask<FlushResult> Watch(ValueTask<FlushResult> flush) => flush.IsCompleted ? flush : WaitAsync(flush);

    private async ValueTask<FlushResult> WaitAsync(ValueTask<FlushResult> flush)
    {
        Volatile.Write(ref _waitingSince, clock.GetUtcNow().UtcTicks);
        try
        {
            return await flush;
        }
        finally
        {
            Volatile.Write(ref _waitingSince, 0);
        }
    }
}
