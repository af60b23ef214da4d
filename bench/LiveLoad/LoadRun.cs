using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Engagement.LoadKit;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.LiveLoad;

/// <summary>What the clients read of a snapshot: its count (the rest of the payload is parsed and dropped).</summary>
public sealed record CountOnly(long Count);

/// <summary>One viewer: its connection and every snapshot it handled (count, Stopwatch timestamp), in order.</summary>
public sealed class Viewer(int index, bool stalls)
{
    public int Index { get; } = index;
    public bool Stalls { get; } = stalls;
    public HubConnection? Connection { get; set; }

    /// <summary>A stalling viewer's raw connection (stalling viewers have no <see cref="Connection"/>).</summary>
    public RawViewer? Raw { get; set; }
    public List<long> Counts { get; } = new(128);
    public List<long> Times { get; } = new(128);
    public long LastCount;
    public int Closed;
    public string? CloseReason;
}

/// <summary>The figures of one run against one server.</summary>
public sealed record RunResult
{
    public required string Mode { get; init; }
    public required int Connections { get; init; }
    public int Opened { get; init; }
    public int FailedToOpen { get; init; }
    public string? FirstOpenError { get; init; }
    public double OpenSeconds { get; init; }
    public long Acked { get; init; }
    public long FailedVotes { get; init; }
    public string? FirstVoteError { get; init; }
    public double AchievedVotesPerSecond { get; init; }
    public Percentiles? VoteRoundTrip { get; init; }
    public Percentiles? Latency { get; init; }
    public Percentiles? LatencyDuringStall { get; init; }
    public Percentiles? LatencyOutsideStall { get; init; }
    public Percentiles? FanOut { get; init; }
    public long Undelivered { get; init; }
    public double MessagesPerHealthy { get; init; }
    public long MessagesMinHealthy { get; init; }
    public long MessagesMaxHealthy { get; init; }
    public double MessagesPerStalled { get; init; }
    public long ClosedHealthy { get; init; }
    public long ClosedStalled { get; init; }
    public string? FirstCloseReason { get; init; }
    public long RssBeforeKib { get; init; }
    public long RssIdleKib { get; init; }
    public long AnonBeforeKib { get; init; }
    public long AnonIdleKib { get; init; }
    public long RssAfterVotesKib { get; init; }
    public long RssStallStartKib { get; init; }
    public long RssStallEndKib { get; init; }
    public double ServerCpuSecondsDuringVotes { get; init; }
    public long FinalCount { get; init; }
    public long ExpectedFinalCount { get; init; }
    public double IdleKibPerConnection => Opened == 0 ? 0 : (RssIdleKib - RssBeforeKib) / (double)Opened;
    public double IdleAnonKibPerConnection => Opened == 0 ? 0 : (AnonIdleKib - AnonBeforeKib) / (double)Opened;
}

/// <summary>
/// One run against one server: opens N WebSocket connections that all join one service's group, measures the server's
/// memory before and after (idle), drives votes at the set rate from concurrent senders, and works out for every
/// acknowledged vote when the last viewer handled a snapshot holding it.
/// </summary>
public sealed class LoadRun(Options o, ServerProcess server, bool app)
{
    private const string GraphQLMutation = "mutation($i: SubmitRatingInput!) { submitRating(input: $i) { id } }";
    private static readonly double TicksPerMs = Stopwatch.Frequency / 1000.0;

    private readonly Uri _hub = new(server.Address, app ? "/hubs/live" : "/hubs/bare");
    private string _serviceId = "bare";

    private string JoinMethod => app ? "JoinService" : "Join";

    public async Task<RunResult> RunAsync(CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Senders + 4, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = server.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (app)
            _serviceId = await FirstServiceIdAsync(http, ct);

        // An observer connection (not counted) gives the count before any vote and warms the hub path.
        var observer = new Viewer(-1, false);
        await OpenAsync(observer, ct);
        var initial = await observer.Connection!.InvokeAsync<CountOnly>(JoinMethod, _serviceId, ct);
        // Warm the vote path (JIT, pools) before measuring memory; the warm-up votes count towards the initial count.
        for (var i = 0; i < 50; i++)
            await VoteAsync(http, 3, ct);
        var initialCount = initial.Count + 50;
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var before = server.Memory();

        // Open N viewers, a fraction of them "stallers" chosen evenly.
        var stallEvery = o.StallFraction > 0 ? 1.0 / o.StallFraction : double.PositiveInfinity;
        var viewers = Enumerable.Range(0, o.Connections).Select(i => new Viewer(i, o.StallFraction > 0 && Math.Floor(i / stallEvery) != Math.Floor((i + 1) / stallEvery))).ToArray();
        var openWatch = Stopwatch.StartNew();
        var (opened, failed, firstError) = await OpenAllAsync(viewers, ct);
        var openSeconds = openWatch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{(app ? "app" : "bare")}] opened {opened} of {o.Connections} in {openSeconds:F1} s ({failed} failed{(firstError is null ? "" : ": " + firstError)})"));
        await Task.Delay(TimeSpan.FromSeconds(o.IdleSettleSeconds), ct);
        var idle = server.Memory();

        // Votes.
        var total = (long)o.VotesPerSecond * o.Seconds;
        var ackTs = new long[total];
        var ackCount = new long[total];
        var sentTs = new long[total];
        long next = -1, acked = 0, failedVotes = 0;
        string? firstVoteError = null;
        var t0 = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var deadline = t0 + (long)((o.Seconds + 5) * Stopwatch.Frequency);
        _stallStart = t0 + (long)(Math.Max(0, (o.Seconds - o.StallSeconds) / 2.0) * Stopwatch.Frequency);
        _stallEnd = _stallStart + (long)(o.StallSeconds * Stopwatch.Frequency);
        foreach (var v in viewers)
            v.Raw?.Run(_stallStart, _stallEnd);
        var cpuBefore = server.CpuTime();
        long rssStallStart = 0, rssStallEnd = 0;
        var sampler = o.StallFraction > 0 ? Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, (_stallStart - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency)), ct);
            rssStallStart = server.Memory().VmRss;
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, (_stallEnd - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency) - 0.05), ct);
            rssStallEnd = server.Memory().VmRss;
        }, ct) : Task.CompletedTask;
        var senders = Enumerable.Range(0, o.Senders).Select(s => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= total)
                    return;
                var due = t0 + (long)(i * (double)Stopwatch.Frequency / o.VotesPerSecond);
                var now = Stopwatch.GetTimestamp();
                if (now > deadline)
                    return;
                if (due > now)
                    await Task.Delay(TimeSpan.FromMilliseconds((due - now) / TicksPerMs), ct);
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var count = await VoteAsync(http, (int)(i % 5) + 1, ct);
                    var at = Stopwatch.GetTimestamp();
                    var k = Interlocked.Increment(ref acked) - 1;
                    sentTs[k] = sent;
                    ackTs[k] = at;
                    // The platform's mutation does not return the count: the k-th acknowledgement is taken to need count initial + k
                    // (every earlier acknowledged vote is committed). The bare hub returns its exact count.
                    ackCount[k] = count ?? initialCount + k + 1;
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    Interlocked.Increment(ref failedVotes);
                    Interlocked.CompareExchange(ref firstVoteError, e.Message, null);
                }
            }
        }, ct)).ToArray();
        await Task.WhenAll(senders);
        var votesEnd = Stopwatch.GetTimestamp();
        var cpuAfter = server.CpuTime();
        var rssAfterVotes = server.Memory().VmRss;
        var expectedFinal = initialCount + acked;

        // Drain: wait until every viewer (healthy and, after its stall, stalled) has the final count, bounded.
        var drainUntil = Math.Max(Stopwatch.GetTimestamp(), _stallEnd) + 10 * Stopwatch.Frequency;
        while (Stopwatch.GetTimestamp() < drainUntil && viewers.Any(v => v.Closed == 0 && v.Connection is not null && Volatile.Read(ref v.LastCount) < expectedFinal))
            await Task.Delay(100, ct);
        await sampler;
        // Stalled viewers find out whether the server closed them when they read again after the stall.
        if (_stallEnd != long.MaxValue)
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, (_stallEnd - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency + 3)), ct);
        var finalCount = (await observer.Connection!.InvokeAsync<CountOnly>(JoinMethod, _serviceId, ct)).Count;

        // Closed before the tool closes them (server timeout, server abort).
        var closedHealthy = viewers.Count(v => v.Connection is not null && !v.Stalls && v.Closed != 0);
        var closedStalled = viewers.Count(v => v.Raw is { Closed: true });
        var firstClose = viewers.Select(v => v.CloseReason ?? v.Raw?.CloseReason).FirstOrDefault(r => r is not null);
        var messagesPerStalled = viewers.Where(v => v.Raw is not null).Select(v => (double)v.Raw!.Messages).DefaultIfEmpty(0).Average();
        await Task.WhenAll(viewers.Where(v => v.Connection is not null).Select(v => v.Connection!.DisposeAsync().AsTask())
            .Concat(viewers.Where(v => v.Raw is not null).Select(v => v.Raw!.DisposeAsync().AsTask()))
            .Append(observer.Connection!.DisposeAsync().AsTask()));

        // Analysis.
        var n = (int)acked;
        var order = Enumerable.Range(0, n).OrderBy(k => ackCount[k]).ToArray();
        var healthy = viewers.Where(v => v.Connection is not null && !v.Stalls).ToArray();
        var (lastHealthy, undeliveredHealthy) = LastReceipt(healthy, order, ackCount);
        var latency = new List<double>(n);
        List<double> during = [], outside = [];
        for (var j = 0; j < n; j++)
        {
            var k = order[j];
            if (lastHealthy[j] == long.MinValue)
                continue;
            var ms = Math.Max(0, (lastHealthy[j] - ackTs[k]) / TicksPerMs);
            latency.Add(ms);
            (ackTs[k] >= _stallStart && ackTs[k] < _stallEnd ? during : outside).Add(ms);
        }

        // Fan-out: for every snapshot (by count), first to last receipt among healthy viewers.
        var spread = new Dictionary<long, (long First, long Last)>();
        foreach (var v in healthy)
        {
            for (var i = 0; i < v.Counts.Count; i++)
            {
                var c = v.Counts[i];
                var t = v.Times[i];
                spread[c] = spread.TryGetValue(c, out var s) ? (Math.Min(s.First, t), Math.Max(s.Last, t)) : (t, t);
            }
        }

        var messages = healthy.Select(v => (long)v.Counts.Count).DefaultIfEmpty(0).ToArray();
        return new RunResult
        {
            Mode = app ? "app" : "bare",
            Connections = o.Connections,
            Opened = opened,
            FailedToOpen = failed,
            FirstOpenError = firstError,
            OpenSeconds = openSeconds,
            Acked = acked,
            FailedVotes = failedVotes,
            FirstVoteError = firstVoteError,
            AchievedVotesPerSecond = acked / ((votesEnd - t0) / (double)Stopwatch.Frequency),
            VoteRoundTrip = Percentiles.Of(Enumerable.Range(0, n).Select(k => (ackTs[k] - sentTs[k]) / TicksPerMs).ToArray()),
            Latency = Percentiles.Of(latency),
            LatencyDuringStall = o.StallFraction > 0 ? Percentiles.Of(during) : null,
            LatencyOutsideStall = o.StallFraction > 0 ? Percentiles.Of(outside) : null,
            FanOut = Percentiles.Of(spread.Values.Select(s => (s.Last - s.First) / TicksPerMs).ToArray()),
            Undelivered = undeliveredHealthy,
            MessagesPerHealthy = messages.Average(),
            MessagesMinHealthy = messages.Min(),
            MessagesMaxHealthy = messages.Max(),
            MessagesPerStalled = messagesPerStalled,
            ClosedHealthy = closedHealthy,
            ClosedStalled = closedStalled,
            FirstCloseReason = firstClose,
            RssBeforeKib = before.VmRss,
            AnonBeforeKib = before.RssAnon,
            RssIdleKib = idle.VmRss,
            AnonIdleKib = idle.RssAnon,
            RssAfterVotesKib = rssAfterVotes,
            RssStallStartKib = rssStallStart,
            RssStallEndKib = rssStallEnd,
            ServerCpuSecondsDuringVotes = (cpuAfter - cpuBefore).TotalSeconds,
            FinalCount = finalCount,
            ExpectedFinalCount = expectedFinal,
        };
    }

    /// <summary>
    /// For every vote (in count order), the latest time any of the viewers first handled a snapshot with at least its count;
    /// long.MinValue when some viewer never did (counted as undelivered, one per vote and viewer).
    /// </summary>
    private static (long[] Last, long Undelivered) LastReceipt(Viewer[] viewers, int[] order, long[] ackCount)
    {
        var last = new long[order.Length];
        var missing = new bool[order.Length];
        if (viewers.Length == 0)
            Array.Fill(missing, true);
        long undelivered = 0;
        foreach (var v in viewers)
        {
            var p = 0;
            long max = long.MinValue;
            for (var j = 0; j < order.Length; j++)
            {
                var need = ackCount[order[j]];
                while (max < need && p < v.Counts.Count)
                {
                    max = Math.Max(max, v.Counts[p]);
                    p++;
                }
                if (max < need)
                {
                    missing[j] = true;
                    undelivered += order.Length - j;
                    for (var r = j; r < order.Length; r++)
                        missing[r] = true;
                    break;
                }
                var t = v.Times[p - 1];
                if (t > last[j])
                    last[j] = t;
            }
        }
        for (var j = 0; j < order.Length; j++)
        {
            if (missing[j])
                last[j] = long.MinValue;
        }
        return (last, undelivered);
    }

    private long _stallStart = long.MaxValue;
    private long _stallEnd = long.MaxValue;

    private async Task OpenAsync(Viewer v, CancellationToken ct)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(_hub, o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .AddJsonProtocol(p => p.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.On<string, CountOnly>("snapshot", (_, s) =>
        {
            var now = Stopwatch.GetTimestamp();
            v.Counts.Add(s.Count);
            v.Times.Add(now);
            if (s.Count > v.LastCount)
                Volatile.Write(ref v.LastCount, s.Count);
            return Task.CompletedTask;
        });
        connection.Closed += e =>
        {
            Interlocked.Exchange(ref v.Closed, 1);
            if (e is not null)
                v.CloseReason ??= e.Message;
            return Task.CompletedTask;
        };
        v.Connection = connection;
        await connection.StartAsync(ct);
    }

    private async Task<(int Opened, int Failed, string? FirstError)> OpenAllAsync(Viewer[] viewers, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(TimeSpan.FromSeconds(o.ConnectTimeoutSeconds));
        int opened = 0, failed = 0, next = -1;
        string? firstError = null;
        var workers = Enumerable.Range(0, o.ConnectConcurrency).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= viewers.Length)
                    return;
                var v = viewers[i];
                try
                {
                    if (v.Stalls)
                    {
                        v.Raw = await RawViewer.OpenAsync(_hub, JoinMethod, _serviceId, cts.Token);
                    }
                    else
                    {
                        await OpenAsync(v, cts.Token);
                        var s = await v.Connection!.InvokeAsync<CountOnly>(JoinMethod, _serviceId, cts.Token);
                        Volatile.Write(ref v.LastCount, Math.Max(v.LastCount, s.Count));
                    }
                    Interlocked.Increment(ref opened);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failed);
                    Interlocked.CompareExchange(ref firstError, $"{e.GetType().Name}: {e.Message}", null);
                    if (v.Connection is { } c)
                        await c.DisposeAsync();
                    v.Connection = null;
                }
            }
        }, CancellationToken.None)).ToArray();
        await Task.WhenAll(workers);
        return (opened, failed, firstError);
    }

    private async Task<long?> VoteAsync(HttpClient http, int score, CancellationToken ct)
    {
        if (!app)
        {
            using var bare = await http.PostAsync(new Uri($"/vote?score={score}", UriKind.Relative), null, ct);
            bare.EnsureSuccessStatusCode();
            return long.Parse(await bare.Content.ReadAsStringAsync(ct), CultureInfo.InvariantCulture);
        }
        var body = JsonSerializer.Serialize(new { query = GraphQLMutation, variables = new { i = new { serviceId = _serviceId, score, language = "en" } } });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/graphql", UriKind.Relative), content, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode || text.Contains("\"errors\"", StringComparison.Ordinal) || !text.Contains("\"id\"", StringComparison.Ordinal))
            throw new InvalidOperationException($"submitRating: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
        return null;
    }

    private static async Task<string> FirstServiceIdAsync(HttpClient http, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query = "{ organisation(slug: \"demo\") { services { id slug } } }" }, ct);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return doc.RootElement.GetProperty("data").GetProperty("organisation").GetProperty("services")[0].GetProperty("id").GetString()
            ?? throw new InvalidOperationException("The demo organisation has no service.");
    }
}
