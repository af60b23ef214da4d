using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Engagement.Api.Tests.Hosting;

namespace Engagement.Api.Tests.Hostile;

/// <summary>
/// Bodies that never end, over a raw socket to a real Kestrel server (TestServer enforces neither a body size nor a
/// data rate): one sent chunked as fast as the socket takes it must be answered 413 while it is still arriving, and one
/// that trickles or stalls must be cut off by the server's minimum data rate (408, or a closed connection). Hosted forms
/// are no exception: their page says the form could not be read, with the server's status. Either way nothing is
/// written, and the server goes on answering.
/// </summary>
public sealed class EndlessBodyTests(KestrelHost host, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<KestrelHost>
{
    // Far more than any body limit of the platform (the largest is the portal's 64 KB), so a 413 proves a cut-off.
    private const long FloodBytes = 64L * 1024 * 1024;

    // Above what the kernel buffers between the two ends on loopback once the server stops reading (about 1.3 MB here,
    // with the sender's buffer kept small), below the server's 30 MB default cap that an unlimited read would reach.
    private const long AnsweredWithin = 16L * 1024 * 1024;

    public static TheoryData<string> Surfaces => ["GraphQL", "JSON sign-in", "widget ratings", "portal comment", "sign-in form"];

    [Theory]
    [MemberData(nameof(Surfaces))]
    public async Task A_chunked_body_that_never_ends_is_answered_413_while_it_is_still_arriving_and_nothing_is_written(string surface)
    {
        var world = await host.WorldAsync();
        var (path, type, prefix, origin) = Surface(world, surface);
        var before = await Hostile.RowCountsAsync(host.App);
        using var client = await host.ConnectAsync();
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Headers(path, type, origin, "Transfer-Encoding: chunked")));

        using var flooding = new CancellationTokenSource();
        long sent = 0;
        var flood = Task.Run(async () =>
        {
            var chunk = Chunk(Encoding.ASCII.GetBytes(prefix + new string('a', 16 * 1024 - prefix.Length)));
            var filler = Chunk(Encoding.ASCII.GetBytes(new string('a', 16 * 1024)));
            try
            {
                for (var first = true; sent < FloodBytes && !flooding.IsCancellationRequested; first = false)
                {
                    await stream.WriteAsync(first ? chunk : filler, flooding.Token);
                    Interlocked.Add(ref sent, 16 * 1024);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
                // The server closed the connection after answering, or the test stopped the flood: both are the end of it.
            }
        });

        var (status, answer) = await ReadAnswerAsync(stream, TimeSpan.FromSeconds(30));
        var sentWhenAnswered = Interlocked.Read(ref sent);
        await flooding.CancelAsync();
        await flood;

        Assert.True(status == 413, $"{surface}: an endless chunked body was answered {status?.ToString() ?? "not at all"}, not 413.");
        if (UnreadableFormText(surface) is { } unreadable)
            Assert.Contains(unreadable, answer, StringComparison.Ordinal);
        output.WriteLine($"{surface}: answered {status} after {sentWhenAnswered / 1024} KB of the endless body were sent.");
        // An answer after more than the kernel buffers means the body was read far past its limit (the JSON sign-in and
        // GraphQL were, to the server's 30 MB cap, before this test).
        Assert.True(sentWhenAnswered < AnsweredWithin, $"{surface}: the answer came only after {sentWhenAnswered / 1024 / 1024} MB were sent: the body was read far past its limit.");
        await Hostile.AssertNothingWrittenAsync(host.App, before, $"{surface}, endless chunked body");
        await host.AssertStillServingAsync();
    }

    [Theory]
    [InlineData("GraphQL", false)]
    [InlineData("GraphQL", true)]
    [InlineData("widget ratings", false)]
    [InlineData("portal comment", false)]
    [InlineData("portal comment", true)]
    [InlineData("sign-in form", false)]
    [InlineData("sign-in form", true)]
    public async Task A_body_that_stalls_or_trickles_below_the_minimum_data_rate_is_cut_off_and_nothing_is_written(string surface, bool trickle)
    {
        var world = await host.WorldAsync();
        var (path, type, prefix, origin) = Surface(world, surface);
        var before = await Hostile.RowCountsAsync(host.App);
        using var client = await host.ConnectAsync();
        var stream = client.GetStream();
        // The length is within every limit, so the server waits for the rest, which never comes (or comes a byte at a time).
        await stream.WriteAsync(Encoding.ASCII.GetBytes(Headers(path, type, origin, "Content-Length: 4000") + prefix));

        using var trickling = new CancellationTokenSource();
        var dribble = Task.Run(async () =>
        {
            try
            {
                while (trickle && !trickling.IsCancellationRequested)
                {
                    // One byte a second: well below the server's minimum rate, but never silent.
                    await Task.Delay(1000, trickling.Token);
                    await stream.WriteAsync("a"u8.ToArray(), trickling.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
            {
            }
        });

        var clock = Stopwatch.StartNew();
        var (status, answer) = await ReadAnswerAsync(stream, TimeSpan.FromSeconds(40));
        await trickling.CancelAsync();
        await dribble;

        // Kestrel answers 408 when the rate is broken before the response starts (a hosted form with its page saying the
        // form could not be read), and a closed connection is also a cut-off.
        Assert.True(status is 408 or null, $"{surface} ({(trickle ? "trickling" : "stalled")}): answered {status} after {clock.Elapsed.TotalSeconds:F1} s, not 408 or a closed connection.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(35), $"{surface}: the connection was held {clock.Elapsed.TotalSeconds:F1} s.");
        output.WriteLine($"{surface} ({(trickle ? "trickling" : "stalled")}): answered {status?.ToString() ?? "by closing"} after {clock.Elapsed.TotalSeconds:F1} s.");
        if (status == 408)
            Assert.Contains(UnreadableFormText(surface) ?? "arrived too slowly", answer, StringComparison.Ordinal);
        await Hostile.AssertNothingWrittenAsync(host.App, before, $"{surface}, {(trickle ? "trickling" : "stalled")} body");
        await host.AssertStillServingAsync();
    }

    private static (string Path, string Type, string Prefix, string? Origin) Surface(HostileWorld w, string name) => name switch
    {
        "GraphQL" => ("/graphql", "application/json",
            "{\"query\":\"mutation($i: PostCommentInput!) { postComment(input: $i) { id } }\",\"variables\":{\"i\":{\"consultationId\":\""
            + w.Consultation.Id + "\",\"language\":\"en\",\"text\":\"", null),
        "JSON sign-in" => ("/auth/sign-in", "application/json", $"{{\"email\":\"{w.Admin.Email}\",\"password\":\"", null),
        "widget ratings" => ($"/widget/{w.Widget.Key}/ratings", "application/x-www-form-urlencoded", "score=5&comment=", HostileWorld.WidgetOrigin),
        "portal comment" => ($"/en/consultations/{w.Consultation.Id}/comments", "application/x-www-form-urlencoded", "text=", null),
        "sign-in form" => ("/en/staff/sign-in", "application/x-www-form-urlencoded", $"email={Uri.EscapeDataString(w.Admin.Email)}&password=", null),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such surface."),
    };

    // What a hosted form's page says of a body it could not read; the other surfaces answer with the server's problem.
    private static string? UnreadableFormText(string surface) => surface switch
    {
        "portal comment" => "This form could not be accepted.",
        "sign-in form" => "The form could not be read.",
        _ => null,
    };

    private static string Headers(string path, string type, string? origin, string framing) =>
        $"POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {type}\r\nAccept: application/graphql-response+json, application/json\r\n"
        + (origin is null ? "" : $"Origin: {origin}\r\n") + framing + "\r\n\r\n";

    private static byte[] Chunk(byte[] data) =>
        [.. Encoding.ASCII.GetBytes($"{data.Length:x}\r\n"), .. data, .. "\r\n"u8.ToArray()];

    /// <summary>
    /// The status code of the response's first line (null when the server closed the connection without one), and
    /// what else of the answer arrives within a moment.
    /// </summary>
    private static async Task<(int? Status, string Text)> ReadAnswerAsync(NetworkStream stream, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        try
        {
            while (!text.ToString().Contains("\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                    return (null, text.ToString());
                text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
        }
        catch (IOException)
        {
            return (null, text.ToString());
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No answer and no close within {within.TotalSeconds} s; the server is still waiting for the body.");
        }
        // The rest of a short answer (its headers and problem) follows at once; the server then closes or waits.
        using (var rest = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, rest.Token)) > 0)
                    text.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
            }
        }
        // "HTTP/1.1 413 Payload Too Large"
        return (int.Parse(text.ToString().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), text.ToString());
    }
}

/// <summary>The platform on a loopback port of a real Kestrel server, with one hostile world in it.</summary>
public sealed class KestrelHost : IDisposable
{
    private readonly Uri _address;
    private HostileWorld? _world;

    public KestrelHost()
    {
        _address = App.StartOnLoopback();
    }

    public EngagementAppFactory App { get; } = SharedHost.NewApp();

    internal async Task<HostileWorld> WorldAsync() => _world ??= await HostileWorld.CreateAsync(App);

    public async Task<TcpClient> ConnectAsync()
    {
        // A small send buffer, so what the client counts as sent is close to what reached the server.
        var client = new TcpClient { NoDelay = true, SendBufferSize = 64 * 1024 };
        await client.ConnectAsync(_address.Host, _address.Port);
        return client;
    }

    /// <summary>A plain request on a new connection still gets its answer: the hostile one held nothing the server needs.</summary>
    public async Task AssertStillServingAsync()
    {
        using var http = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync("/health/live");
        Assert.True(response.IsSuccessStatusCode, $"After the hostile body, /health/live answered {(int)response.StatusCode}.");
    }

    public void Dispose() => App.Dispose();
}
