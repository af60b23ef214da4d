using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>One client of an open-loop run: its own source address, its constant rate and its connection pool. Clients of one name are reported together.</summary>
/// <param name="Local">The loopback address its sockets are bound to (null: the system's choice, 127.0.0.1).</param>
/// <param name="Phase">Where in its period its first request falls (0 to 1), to spread clients of equal rate.</param>
public sealed record ClientPlan(string Name, IPAddress? Local, double Rate, int InitialConnections, int MaxConnections, double Phase = 0);

/// <summary>
/// Constant arrival rate (open loop). Every request has a scheduled send time fixed in advance; one pacer thread sends
/// each at its time on an idle connection of its client, opening another when all are busy (up to the client's cap),
/// so a slow answer never delays later sends. Each connection's answers are read by its own receive loop. Latency is
/// measured from the scheduled send time, so time spent waiting for a connection or for the pacer counts; the pacer's
/// own lateness (scheduled to actual send) is reported separately as the send lag.
/// </summary>
public sealed class OpenLoop
{
    private static readonly double MsPerTick = 1000.0 / Stopwatch.Frequency;

    private readonly IPEndPoint _server;
    private readonly byte[] _request;
    private readonly Client[] _clients;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Task> _receivers = [];
    private long _finished;

    private OpenLoop(IPEndPoint server, byte[] request, IReadOnlyList<ClientPlan> plans, double seconds)
    {
        _server = server;
        _request = request;
        _clients = plans.Select(p => new Client(p, (int)Math.Floor(p.Rate * seconds))).ToArray();
    }

    /// <summary>
    /// Runs <paramref name="plans"/> for <paramref name="warmupSeconds"/> + <paramref name="seconds"/>; figures cover the
    /// requests scheduled in the last <paramref name="seconds"/>, and the server's CPU from the first of those until all are answered.
    /// </summary>
    public static async Task<IReadOnlyList<PhaseResult>> RunAsync(ServerProcess server, byte[] request, IReadOnlyList<ClientPlan> plans, double warmupSeconds, double seconds, CancellationToken ct)
    {
        var run = new OpenLoop(ClosedLoop.Endpoint(server), request, plans, warmupSeconds + seconds);
        try
        {
            return await run.RunAsync(server, warmupSeconds, seconds, ct);
        }
        finally
        {
            await run._stop.CancelAsync();
            foreach (var c in run._clients)
            {
                foreach (var connection in c.All)
                    connection.Http.Dispose();
            }
            await Task.WhenAll(run._receivers).WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<IReadOnlyList<PhaseResult>> RunAsync(ServerProcess server, double warmupSeconds, double seconds, CancellationToken ct)
    {
        foreach (var c in _clients)
        {
            for (var i = 0; i < c.Plan.InitialConnections; i++)
                c.Idle.Push(Open(c));
        }
        var f = Stopwatch.Frequency;
        var t0 = Stopwatch.GetTimestamp() + f / 20;
        var measureFrom = t0 + (long)(warmupSeconds * f);
        // The whole schedule, fixed in advance and merged across clients.
        var schedule = _clients
            .SelectMany((c, ci) => Enumerable.Range(0, c.Due.Length).Select(k => (Due: t0 + (long)((k + c.Plan.Phase) / c.Plan.Rate * f), Client: ci, K: k)))
            .OrderBy(e => e.Due)
            .ToArray();
        foreach (var (due, ci, k) in schedule)
            _clients[ci].Due[k] = due;
        var total = schedule.Length;
        var before = ServerSample.Zero;
        var sampled = false;
        var paced = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // A thread of its own: it sleeps precisely between sends and must not wait behind the pool's work.
        var pacer = new Thread(() =>
        {
            try
            {
                foreach (var (due, ci, k) in schedule)
                {
                    if (ct.IsCancellationRequested)
                        break;
                    if (!sampled && due >= measureFrom)
                    {
                        PreciseSleep.Until(measureFrom);
                        before = ServerSample.Take(server);
                        sampled = true;
                    }
                    PreciseSleep.Until(due);
                    Send(_clients[ci], k, due);
                }
                paced.SetResult();
            }
            catch (Exception e)
            {
                paced.TrySetException(e);
            }
        })
        { IsBackground = true, Name = "pacer" };
        pacer.Start();
        await paced.Task.WaitAsync(ct);
        if (!sampled)
            before = ServerSample.Take(server);
        // Every request answered or failed, bounded.
        var grace = Stopwatch.GetTimestamp() + 10 * f;
        while (Interlocked.Read(ref _finished) < total && Stopwatch.GetTimestamp() < grace)
            await Task.Delay(5, ct);
        var sample = ServerSample.Take(server).Since(before);
        // Clients of one name are one group in the figures.
        return _clients.GroupBy(c => c.Plan.Name)
            .Select(g => Tally.Merge(g.Key, seconds, g.Select(c => c.Tally(measureFrom)).ToList(), g.Sum(c => c.Peak), sample) with
            {
                MaxBySecond = Enumerable.Range(0, (int)Math.Ceiling(seconds))
                    .Select(second => g.Max(c => c.WorstIn(measureFrom + second * f, measureFrom + (second + 1) * f)))
                    .ToArray(),
            })
            .ToList();
    }

    private void Send(Client c, int k, long due)
    {
        Connection? connection;
        while (!c.Idle.TryPop(out connection))
        {
            if (Volatile.Read(ref c.Open) < c.Plan.MaxConnections)
            {
                try
                {
                    connection = Open(c);
                }
                catch (SocketException e)
                {
                    Fail(c, k, $"connect: {e.Message}");
                    return;
                }
                break;
            }
            // Every connection of the client is busy at its cap: this send is late, and its latency says so.
            PreciseSleep.Until(Stopwatch.GetTimestamp() + Stopwatch.Frequency / 20_000);
            if (Stopwatch.GetTimestamp() - due > 10 * Stopwatch.Frequency)
            {
                Fail(c, k, "no free connection for 10 s");
                return;
            }
        }
        Volatile.Write(ref connection.Index, k);
        c.Sent[k] = Stopwatch.GetTimestamp();
        try
        {
            connection.Http.Send(_request);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The receive loop sees the broken connection too; whichever comes first records the failure once.
            if (Interlocked.Exchange(ref connection.Index, -1) == k)
                Fail(c, k, $"send: {e.Message}");
        }
    }

    private Connection Open(Client c)
    {
        var connection = new Connection(RawHttpConnection.Open(_server, c.Plan.Local));
        c.All.Add(connection);
        var open = Interlocked.Increment(ref c.Open);
        int peak;
        while (open > (peak = Volatile.Read(ref c.Peak)) && Interlocked.CompareExchange(ref c.Peak, open, peak) != peak)
        {
        }
        _receivers.Add(Task.Run(() => ReceiveAsync(c, connection)));
        return connection;
    }

    private async Task ReceiveAsync(Client c, Connection connection)
    {
        try
        {
            while (true)
            {
                var answer = await connection.Http.ReadAsync(_stop.Token);
                var done = Stopwatch.GetTimestamp();
                var k = Interlocked.Exchange(ref connection.Index, -1);
                if (k < 0)
                    throw new InvalidDataException("An answer to no request.");
                c.Done[k] = done;
                c.Answers[k] = answer;
                Interlocked.Increment(ref _finished);
                if (answer.Close)
                    throw new IOException("closed by the server (Connection: close)");
                c.Idle.Push(connection);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidDataException or OperationCanceledException or ObjectDisposedException)
        {
            Interlocked.Decrement(ref c.Open);
            var k = Interlocked.Exchange(ref connection.Index, -1);
            if (k >= 0)
                Fail(c, k, $"receive: {e.Message}");
            connection.Http.Dispose();
        }
    }

    private void Fail(Client c, int k, string message)
    {
        c.Failures[k] = message;
        Interlocked.Increment(ref _finished);
    }

    private sealed class Connection(RawHttpConnection http)
    {
        public RawHttpConnection Http { get; } = http;

        /// <summary>The request in flight on it (its index in its client's schedule), or -1.</summary>
        public int Index = -1;
    }

    private sealed class Client(ClientPlan plan, int count)
    {
        public ClientPlan Plan { get; } = plan;
        public long[] Due { get; } = new long[count];
        public long[] Sent { get; } = new long[count];
        public long[] Done { get; } = new long[count];
        public HttpAnswer[] Answers { get; } = new HttpAnswer[count];
        public string?[] Failures { get; } = new string?[count];
        public ConcurrentStack<Connection> Idle { get; } = new();
        public ConcurrentBag<Connection> All { get; } = [];
        public int Open;
        public int Peak;

        /// <summary>The worst latency (ms) of the answered requests scheduled in [from, to); 0 when none.</summary>
        public double WorstIn(long from, long to)
        {
            long worst = 0;
            for (var k = 0; k < Due.Length; k++)
            {
                if (Due[k] >= from && Due[k] < to && Done[k] != 0)
                    worst = Math.Max(worst, Done[k] - Due[k]);
            }
            return worst * MsPerTick;
        }

        public Tally Tally(long measureFrom)
        {
            var tally = new Tally();
            for (var k = 0; k < Due.Length; k++)
            {
                if (Due[k] < measureFrom)
                    continue;
                tally.Sent++;
                if (Failures[k] is { } failure)
                    tally.Error(failure);
                else if (Done[k] == 0)
                    tally.Error("no answer by the end of the run");
                else
                {
                    tally.Answer(Answers[k], (Done[k] - Due[k]) * MsPerTick);
                    tally.SendLag((Sent[k] - Due[k]) * MsPerTick);
                }
            }
            return tally;
        }
    }
}
