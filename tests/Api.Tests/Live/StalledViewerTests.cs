using System.Diagnostics;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Engagement.Api.Live;
using Engagement.Api.Settings;
using Engagement.Api.Tests.Hosting;
using Engagement.Core.Comments;
using Engagement.Core.Live;
using Engagement.Core.Participants;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using Engagement.Core.Tests.Support;

namespace Engagement.Api.Tests.Live;

/// <summary>
/// A viewer that stops reading its socket is closed once its output has waited longer than
/// <c>Live:StalledViewerTimeoutSeconds</c>, and the viewers that keep reading go on receiving every update meanwhile.
/// </summary>
public sealed class StalledViewerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_flush_that_waits_longer_than_the_timeout_aborts_the_connection_and_one_that_completes_does_not()
    {
        var clock = new ManualClock { UtcNow = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        var watch = new StalledViewers(Settings(timeoutSeconds: 10), clock, NullLogger<StalledViewers>.Instance);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 16, resumeWriterThreshold: 8, useSynchronizationContext: false));
        var connection = new DefaultConnectionContext("stalled", new DuplexPipe(new Pipe().Reader, pipe.Writer), new DuplexPipe(pipe.Reader, new Pipe().Writer));
        var aborted = new TaskCompletionSource<ConnectionAbortedException?>();
        connection.ConnectionClosed.Register(() => aborted.TrySetResult(null));

        var hubRan = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var watching = watch.WatchAsync(connection, async c =>
        {
            // A write that fits completes at once: nothing is waiting, whatever the clock says.
            await c.Transport.Output.WriteAsync(new byte[8]);
            clock.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(0, watch.CloseStalled());

            // One that crosses the threshold waits for a reader that never comes.
            var flush = c.Transport.Output.WriteAsync(new byte[64]).AsTask();
            Assert.False(flush.IsCompleted);
            hubRan.SetResult();
            await release.Task;
            pipe.Reader.Complete();
            await flush;
        });
        await hubRan.Task;

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, watch.CloseStalled());
        Assert.False(connection.ConnectionClosed.IsCancellationRequested);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, watch.CloseStalled());
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(1, watch.Closed);
        // Closed once only, however often the sweep runs.
        Assert.Equal(0, watch.CloseStalled());

        release.SetResult();
        await watching;
    }

    [Fact]
    public async Task A_viewer_that_stops_reading_is_closed_and_the_others_keep_receiving()
    {
        var outcome = await RunStalledViewerAsync(redis: null);
        Assert.True(outcome.StalledClosed, "The stalled viewer should have been closed.");
    }

    [RedisFact]
    public async Task With_the_Redis_backplane_a_viewer_that_stops_reading_is_closed_and_the_others_keep_receiving()
    {
        var outcome = await RunStalledViewerAsync(RedisFactAttribute.Redis());
        Assert.True(outcome.StalledClosed, "The stalled viewer should have been closed.");
    }

    private async Task<(bool StalledClosed, int HealthyMessages)> RunStalledViewerAsync(string? redis)
    {
        const int timeoutSeconds = 1;
        await using var app = new EngagementAppFactory()
            .WithSetting("Seed:DemoData", "false")
            .WithSetting("Live:MaxUpdatesPerSecond", "100")
            .WithSetting("Live:StalledViewerTimeoutSeconds", timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithSetting(RedisSettings.Setting, redis is null ? null : $"{redis},channelPrefix=stall-{Guid.NewGuid():N}");
        // The kernel would otherwise buffer up to net.ipv4.tcp_wmem's maximum (4 MiB here) for the stalled socket
        // before the server's own buffers fill, a minute of pushes; a small send buffer brings that to a second or
        // two. The watch under test sees the same thing either way: a flush that does not complete.
        app.UseKestrel(k => k.ConfigureEndpointDefaults(endpoint => endpoint.Use(next => connection =>
        {
            if (connection.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionSocketFeature>()?.Socket is { } socket)
                socket.SendBufferSize = 16 * 1024;
            return next(connection);
        })));
        var address = app.StartOnLoopback();

        // A consultation whose snapshot carries a full first page of comments (about 2 KB), so a stalled viewer's
        // buffers fill within seconds at 100 pushes a second.
        var org = await app.CreateOrganisationAsync();
        var consultation = await app.CreateOpenConsultationAsync(org.Id);
        var topic = LiveTopic.Consultation(consultation.Id).Name;
        var participants = new List<string>();
        var commentIds = new List<string>();
        for (var i = 0; i < LiveSnapshots.FirstPageSize; i++)
        {
            participants.Add((await app.Get<RegisterAnonymousParticipant>().ExecuteAsync()).Value.Participant.Id);
            var posted = await app.Get<PostComment>().ExecuteAsync(new(consultation.Id, participants[^1], $"Comment number {i} about the proposal.", "en"));
            commentIds.Add(posted.Value.Id);
        }

        await using var healthy = new HubConnectionBuilder()
            .WithUrl(new Uri(address, LiveEndpoints.HubPath), o => { o.SkipNegotiation = true; o.Transports = HttpTransportType.WebSockets; })
            .Build();
        var healthyMessages = 0;
        var lastHealthy = default(JsonElement);
        healthy.On<string, JsonElement>(CoalescingBroadcaster.SnapshotMethod, (t, s) =>
        {
            if (t != topic)
                return;
            Interlocked.Increment(ref healthyMessages);
            lastHealthy = s;
        });
        await healthy.StartAsync();
        await healthy.InvokeAsync<JsonElement>("JoinConsultation", consultation.Id);

        await using var stalled = await RawViewer.JoinAsync(address, "JoinConsultation", consultation.Id);
        var watch = app.Services.GetRequiredService<StalledViewers>();

        // Reactions flip between agree and disagree, each one a change that the next push carries.
        var clock = Stopwatch.StartNew();
        var react = app.Get<ReactToComment>();
        var round = 0;
        while (watch.Closed == 0 && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            round++;
            await Parallel.ForEachAsync(Enumerable.Range(0, commentIds.Count), async (i, ct) =>
                Assert.True((await react.ExecuteAsync(new(commentIds[i], participants[(i + 1) % participants.Count], round % 2 == 0 ? Reaction.Agree : Reaction.Disagree), ct)).Succeeded));
            await Task.Delay(10);
        }
        var closedAfter = clock.Elapsed;
        output.WriteLine($"stalled viewer closed after {closedAfter.TotalSeconds:0.0} s of writes ({round} rounds); healthy viewer received {healthyMessages} pushes");

        // The healthy viewer still sees every write: one last round, then the push that holds it.
        round++;
        foreach (var (id, i) in commentIds.Select((id, i) => (id, i)))
            Assert.True((await react.ExecuteAsync(new(id, participants[(i + 1) % participants.Count], Reaction.Agree))).Succeeded);
        var deadline = Stopwatch.StartNew();
        while (!AllAgree(lastHealthy) && deadline.Elapsed < TimeSpan.FromSeconds(10))
            await Task.Delay(20);
        Assert.True(AllAgree(lastHealthy), $"The healthy viewer's last snapshot should hold the last round: {lastHealthy}");
        Assert.True(healthyMessages > 10, $"The healthy viewer received {healthyMessages} pushes while the other stalled.");

        // The stalled viewer's connection is gone: the server answers its next frames with a closed socket.
        Assert.True(await stalled.IsClosedByServerAsync(TimeSpan.FromSeconds(10)), "The stalled viewer's socket should have been closed by the server.");
        return (watch.Closed >= 1, healthyMessages);

        static bool AllAgree(JsonElement snapshot) =>
            snapshot.ValueKind == JsonValueKind.Object
            && snapshot.GetProperty("firstPage").EnumerateArray().All(c => c.GetProperty("agree").GetInt64() == 1 && c.GetProperty("disagree").GetInt64() == 0);
    }

    private static EngagementSettings Settings(int timeoutSeconds) =>
        EngagementSettings.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Live:StalledViewerTimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build());

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>
    /// A SignalR viewer on a raw WebSocket with a small receive buffer, which joins a group, reads the answer, and then
    /// reads nothing more while it keeps sending pings, as a client would whose reading has hung but whose timer has not.
    /// </summary>
    private sealed class RawViewer : IAsyncDisposable
    {
        private const char RecordSeparator = '\u001e';
        private readonly WebSocket _socket;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<Exception?> _pinging;

        private RawViewer(WebSocket socket)
        {
            _socket = socket;
            _pinging = PingAsync();
        }

        public static async Task<RawViewer> JoinAsync(Uri address, string method, string id)
        {
            var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 4096, NoDelay = true };
            await tcp.ConnectAsync(IPAddress.Loopback, address.Port);
            var stream = new NetworkStream(tcp, ownsSocket: true);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"GET {LiveEndpoints.HubPath} HTTP/1.1\r\nHost: {address.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"));
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                Assert.Equal(1, await stream.ReadAsync(one));
                head.Append((char)one[0]);
            }
            Assert.StartsWith("HTTP/1.1 101", head.ToString(), StringComparison.Ordinal);

            var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
            await SendAsync(socket, """{"protocol":"json","version":1}""");
            await ReadUntilAsync(socket, "{}");
            await SendAsync(socket, JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = method, arguments = new[] { id } }));
            await ReadUntilAsync(socket, "\"invocationId\":\"1\"");
            return new RawViewer(socket);
        }

        /// <summary>True once a ping fails because the server has closed the connection.</summary>
        public async Task<bool> IsClosedByServerAsync(TimeSpan within) =>
            await Task.WhenAny(_pinging, Task.Delay(within)) == _pinging && await _pinging is not null;

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Task.WhenAny(_pinging, Task.Delay(TimeSpan.FromSeconds(5)));
            _socket.Abort();
            _socket.Dispose();
            _stop.Dispose();
        }

        private async Task<Exception?> PingAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await SendAsync(_socket, """{"type":6}""", _stop.Token);
                    await Task.Delay(200, _stop.Token);
                }
                return null;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e) when (e is WebSocketException or IOException or SocketException or ObjectDisposedException)
            {
                return e;
            }
        }

        private static Task SendAsync(WebSocket socket, string message, CancellationToken ct = default) =>
            socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, ct);

        private static async Task ReadUntilAsync(WebSocket socket, string marker)
        {
            var text = new StringBuilder();
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!text.ToString().Contains(marker, StringComparison.Ordinal))
            {
                var read = await socket.ReceiveAsync(buffer, timeout.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
            }
        }
    }
}
