using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>
/// Maximum throughput: C keep-alive connections, each sending its next request as soon as the previous answer is in,
/// for a warm-up and then a measured window. Answers completed inside the window count; latency is send to answer.
/// </summary>
public static class ClosedLoop
{
    /// <summary>The warm-up goes on past its minimum while the server's JIT thread took more than this per second.</summary>
    private static readonly TimeSpan JitQuiet = TimeSpan.FromMilliseconds(20);

    /// <summary>The longest warm-up, however busy the JIT.</summary>
    private static readonly TimeSpan MaxWarmup = TimeSpan.FromSeconds(40);

    /// <param name="warmupSeconds">
    /// The least warm-up; it goes on, second by second, until the server's tiered compilation is quiet (the platform's
    /// takes ~10 s under load on an idle machine, longer on a busy one), so the window measures compiled code.
    /// </param>
    /// <param name="local">The loopback address the connections are bound to (null: the system's choice, 127.0.0.1).</param>
    public static async Task<PhaseResult> RunAsync(
        string name, ServerProcess server, byte[] request, int connections, double warmupSeconds, double seconds, IPAddress? local, CancellationToken ct)
    {
        var endpoint = Endpoint(server);
        var open = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => RawHttpConnection.OpenAsync(endpoint, local, ct)));
        var f = Stopwatch.Frequency;
        // Set once the warm-up is over; until then no answer counts.
        long measureFrom = long.MaxValue, end = long.MaxValue;
        var tallies = open.Select(_ => new Tally()).ToArray();
        var workers = open.Select((c, i) => Task.Run(() => WorkAsync(c, tallies[i]), ct)).ToArray();

        var started = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(warmupSeconds), ct);
        if (warmupSeconds > 0)
        {
            while (Stopwatch.GetElapsedTime(started) < MaxWarmup)
            {
                var jitBefore = server.JitCpuTimes();
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                if (ProcFs.Growth(jitBefore, server.JitCpuTimes()) <= JitQuiet)
                    break;
            }
        }
        var warmedFor = Stopwatch.GetElapsedTime(started);
        var before = ServerSample.Take(server);
        var from = Stopwatch.GetTimestamp();
        Volatile.Write(ref end, from + (long)(seconds * f));
        Volatile.Write(ref measureFrom, from);
        await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
        var use = ServerSample.Take(server).Since(before);
        await Task.WhenAll(workers);
        return Tally.Merge(name, seconds, tallies, connections, use) with { WarmupSeconds = warmedFor.TotalSeconds };

        async Task WorkAsync(RawHttpConnection connection, Tally tally)
        {
            try
            {
                while (Stopwatch.GetTimestamp() < Volatile.Read(ref end))
                {
                    var sent = Stopwatch.GetTimestamp();
                    HttpAnswer answer;
                    try
                    {
                        await connection.SendAsync(request, ct);
                        answer = await connection.ReadAsync(ct);
                    }
                    catch (Exception e) when (e is IOException or SocketException or InvalidDataException)
                    {
                        if (sent >= Volatile.Read(ref measureFrom))
                            tally.Error(e.Message);
                        connection.Dispose();
                        connection = await RawHttpConnection.OpenAsync(endpoint, local, ct);
                        continue;
                    }
                    var done = Stopwatch.GetTimestamp();
                    if (done >= Volatile.Read(ref measureFrom) && done <= Volatile.Read(ref end))
                    {
                        tally.Sent++;
                        tally.Answer(answer, (done - sent) * 1000.0 / f);
                    }
                    if (answer.Close)
                    {
                        connection.Dispose();
                        connection = await RawHttpConnection.OpenAsync(endpoint, local, ct);
                    }
                }
            }
            finally
            {
                connection.Dispose();
            }
        }
    }

    public static IPEndPoint Endpoint(ServerProcess server) => new(IPAddress.Parse(server.Address.Host), server.Address.Port);
}
