using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Engagement.LiveLoad;

/// <summary>
/// A stalling viewer on a plain WebSocket speaking the SignalR JSON protocol. Outside its stall it reads and discards
/// every message and pings every 15 s, as the browser client does; during the stall it neither reads its socket nor
/// pings, as a suspended tab or a frozen process would, so the server meets a socket that takes nothing.
/// </summary>
public sealed class RawViewer : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(15);

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private long _messages;

    /// <summary>Messages read (snapshots and pings from the server) outside the stall.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>Set once the server has closed the connection, as seen when the viewer next read or pinged.</summary>
    public bool Closed { get; private set; }

    public string? CloseReason { get; private set; }

    public static async Task<RawViewer> OpenAsync(Uri hub, string joinMethod, string id, CancellationToken ct)
    {
        var viewer = new RawViewer();
        viewer._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await viewer._socket.ConnectAsync(new UriBuilder(hub) { Scheme = hub.Scheme == "https" ? "wss" : "ws" }.Uri, ct);
        await viewer.SendAsync("""{"protocol":"json","version":1}""", ct);
        await viewer.ReadUntilAsync("{}", ct);
        await viewer.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = joinMethod, arguments = new[] { id } }), ct);
        await viewer.ReadUntilAsync("\"invocationId\":\"1\"", ct);
        return viewer;
    }

    /// <summary>Starts reading and pinging; between the two Stopwatch timestamps the viewer does neither.</summary>
    public void Run(long stallStart, long stallEnd) =>
        _running = Task.WhenAll(ReadAsync(stallStart, stallEnd), PingAsync(stallStart, stallEnd));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAny(_running, Task.Delay(TimeSpan.FromSeconds(5)));
        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReadAsync(long stallStart, long stallEnd)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (await SleepThroughStallAsync(stallStart, stallEnd))
                    continue;
                var read = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (read.MessageType == WebSocketMessageType.Close)
                {
                    MarkClosed("close frame");
                    return;
                }
                if (read.EndOfMessage)
                    Interlocked.Increment(ref _messages);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            MarkClosed(e.Message);
        }
    }

    private async Task PingAsync(long stallStart, long stallEnd)
    {
        try
        {
            // SignalR starts timing a client out only once it has pinged, and a viewer that had been open a while
            // before it froze would have: ping first.
            while (!_stop.IsCancellationRequested && !Closed)
            {
                if (!await SleepThroughStallAsync(stallStart, stallEnd))
                    await SendAsync("""{"type":6}""", _stop.Token);
                await Task.Delay(PingInterval, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is WebSocketException or IOException or ObjectDisposedException)
        {
            MarkClosed(e.Message);
        }
    }

    /// <summary>Waits out the stall if it is under way now; true if it did.</summary>
    private async Task<bool> SleepThroughStallAsync(long stallStart, long stallEnd)
    {
        var now = Stopwatch.GetTimestamp();
        if (now < stallStart || now >= stallEnd)
            return false;
        await Task.Delay(TimeSpan.FromSeconds((stallEnd - now) / (double)Stopwatch.Frequency), _stop.Token);
        return true;
    }

    private void MarkClosed(string reason)
    {
        CloseReason ??= reason;
        Closed = true;
    }

    private Task SendAsync(string message, CancellationToken ct) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + RecordSeparator), WebSocketMessageType.Text, endOfMessage: true, ct);

    private async Task ReadUntilAsync(string marker, CancellationToken ct)
    {
        var text = new StringBuilder();
        var buffer = new byte[16 * 1024];
        while (!text.ToString().Contains(marker, StringComparison.Ordinal))
        {
            var read = await _socket.ReceiveAsync(buffer, ct);
            if (read.MessageType == WebSocketMessageType.Close)
                throw new WebSocketException($"The server closed the connection before answering: {_socket.CloseStatusDescription}");
            text.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
        }
    }
}
