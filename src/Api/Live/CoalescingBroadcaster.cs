using System.Collections.Concurrent;
using System.Threading.Channels;
using Engagement.Api.Settings;
using Engagement.Core.Live;
using Microsoft.AspNetCore.SignalR;

namespace Engagement.Api.Live;

/// <summary>
/// Turns "this topic changed" into at most <see cref="LiveSettings.MaxUpdatesPerSecond"/> snapshots per second per
/// group. A write only marks its topic dirty (two interlocked operations, no lock, no store call); one pump per
/// dirty topic waits out the interval, takes the mark, then reads the snapshot, so every write whose mark was taken
/// is in the snapshot sent, and any later write marks the topic again and causes one more. The last message after
/// a burst therefore reflects every committed write, however many writes were merged into it.
/// </summary>
public sealed partial class CoalescingBroadcaster(
    IHubContext<LiveHub> hub, LiveSnapshots snapshots, EngagementSettings settings, TimeProvider clock, ILogger<CoalescingBroadcaster> logger)
    : BackgroundService, ILiveNotifier
{
    /// <summary>The client method every update calls, with the topic's name and its snapshot.</summary>
    public const string SnapshotMethod = "snapshot";

    // One entry per topic that ever changed; topics arise only from writes to records that exist, so the map is
    // bounded by the number of consultations, surveys, services and organisations.
    private readonly ConcurrentDictionary<LiveTopic, TopicState> _topics = new();
    private readonly Channel<LiveTopic> _toPump = Channel.CreateUnbounded<LiveTopic>(new UnboundedChannelOptions { SingleReader = true });

    public void Changed(LiveTopic topic)
    {
        var state = _topics.GetOrAdd(topic, static _ => new TopicState());
        Interlocked.Exchange(ref state.Dirty, 1);
        // Only the first change since the pump last stopped starts a pump; the rest ride on the mark.
        if (Interlocked.CompareExchange(ref state.Pumping, 1, 0) == 0)
            _toPump.Writer.TryWrite(topic);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var topic in _toPump.Reader.ReadAllAsync(stoppingToken))
                _ = PumpAsync(topic, _topics[topic], stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: pending updates are dropped; clients reconnect elsewhere and join again for a fresh snapshot.
        }
    }

    private async Task PumpAsync(LiveTopic topic, TopicState state, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var wait = state.NextSendAt - clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                    await Task.Delay(wait, clock, ct);

                // Take the mark before reading: a write committed after this point marks the topic again.
                Interlocked.Exchange(ref state.Dirty, 0);
                state.NextSendAt = clock.GetUtcNow() + settings.Live.MinInterval;
                try
                {
                    if (await snapshots.ReadAsync(topic, ct) is { } snapshot)
                        await SendAsync(topic, snapshot, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Put the mark back so the update is retried at the next slot rather than lost.
                    Interlocked.Exchange(ref state.Dirty, 1);
                    LogPushFailed(logger, e, topic.Kind);
                }

                Interlocked.Exchange(ref state.Pumping, 0);
                // A change that came in after the mark was taken but saw Pumping still 1 is ours to send; if a newer
                // change already started another pump, it sends instead.
                if (Volatile.Read(ref state.Dirty) == 0 || Interlocked.CompareExchange(ref state.Pumping, 1, 0) != 0)
                    return;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(LiveTopic topic, object snapshot, CancellationToken ct)
    {
        var send = hub.Clients.Group(topic.Name).SendAsync(SnapshotMethod, topic.Name, snapshot, ct);
        try
        {
            await send.WaitAsync(settings.Live.MinInterval, clock, ct);
        }
        catch (TimeoutException)
        {
            // Locally the group send has written to every viewer that is keeping up and waits only for the ones that
            // are not; they must not hold the group's next slot. Their writes finish, or StalledViewers closes their
            // connections, on their own. A send that fails later marks the topic again so it is retried.
            _ = RetryIfFailedAsync(send, topic);
        }
    }

    private async Task RetryIfFailedAsync(Task send, LiveTopic topic)
    {
        try
        {
            await send;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPushFailed(logger, e, topic.Kind);
            Changed(topic);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing a live {Kind} snapshot failed; it is retried at the next slot.")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, LiveTopicKind kind);

    private sealed class TopicState
    {
        public int Dirty;
        public int Pumping;

        // Touched only by the one pump that holds Pumping, so it needs no interlocking.
        public DateTimeOffset NextSendAt = DateTimeOffset.MinValue;
    }
}
