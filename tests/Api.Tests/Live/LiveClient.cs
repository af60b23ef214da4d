using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Engagement.Api.Live;
using Engagement.Api.Tests.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Api.Tests.Live;

/// <summary>
/// A SignalR client of the live hub on the test server (long polling through the server's own handler), which
/// keeps every "snapshot" message it receives so a test can wait for one or count them.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly Channel<(string Topic, JsonElement Payload, DateTimeOffset At)> _inbox = Channel.CreateUnbounded<(string, JsonElement, DateTimeOffset)>();
    private readonly List<(string Topic, JsonElement Payload, DateTimeOffset At)> _seen = [];

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        Connection.On<string, JsonElement>(CoalescingBroadcaster.SnapshotMethod, (topic, payload) => _inbox.Writer.TryWrite((topic, payload, DateTimeOffset.UtcNow)));
    }

    public HubConnection Connection { get; }

    /// <summary>Connects anonymously, or with the headers given (a staff cookie, an API token).</summary>
    public static async Task<LiveClient> ConnectAsync(EngagementAppFactory app, IReadOnlyDictionary<string, string>? headers = null)
    {
        var server = app.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, LiveEndpoints.HubPath), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
                foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                    o.Headers[name] = value;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>A client that sends the staff cookie of a member who signed in with this email and password.</summary>
    public static async Task<LiveClient> SignedInAsync(EngagementAppFactory app, string email, string password)
    {
        return await ConnectAsync(app, new Dictionary<string, string> { ["Cookie"] = await app.StaffCookieAsync(email, password) });
    }

    public static Task<LiveClient> WithTokenAsync(EngagementAppFactory app, string secret) =>
        ConnectAsync(app, new Dictionary<string, string> { ["Authorization"] = $"Bearer {secret}" });

    public Task<T> JoinAsync<T>(string method, string id) => Connection.InvokeAsync<T>(method, id);

    /// <summary>Every snapshot received so far for a topic, oldest first.</summary>
    public IReadOnlyList<JsonElement> Received(string topic)
    {
        Drain();
        return _seen.Where(m => m.Topic == topic).Select(m => m.Payload).ToList();
    }

    /// <summary>The first snapshot of the topic (already received or still to come) that satisfies the condition.</summary>
    public async Task<JsonElement> WaitForAsync(string topic, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        Drain();
        var match = _seen.FirstOrDefault(m => m.Topic == topic && condition(m.Payload));
        if (match.Topic is not null)
            return match.Payload;
        try
        {
            while (true)
            {
                var message = await _inbox.Reader.ReadAsync(cts.Token);
                _seen.Add(message);
                if (message.Topic == topic && condition(message.Payload))
                    return message.Payload;
            }
        }
        catch (OperationCanceledException)
        {
            var last = Received(topic).LastOrDefault();
            throw new Xunit.Sdk.XunitException($"No matching snapshot of {topic} arrived; the last was: {(last.ValueKind == JsonValueKind.Undefined ? "none" : last.GetRawText())}");
        }
    }

    private void Drain()
    {
        while (_inbox.Reader.TryRead(out var message))
            _seen.Add(message);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
