using System.Globalization;
using System.Text;
using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>
/// Steps 1 and 2 of the issue's "Done when": the maximum throughput of the real and the bare endpoint (closed loop, side
/// by side in one run), then both at one constant arrival rate, half the real endpoint's maximum (open loop).
/// </summary>
public static class Capacity
{
    public static async Task<string> RunAsync(Options o, CancellationToken ct)
    {
        // One server at a time, so neither measures the other's background work (the platform's JIT runs for seconds
        // after start-up). The real endpoint first: its maximum sets the constant rate of both.
        PhaseResult? realMax = null, bareMax = null, realRate = null, bareRate = null;
        int? rate = o.Rate > 0 ? o.Rate : null;
        if (o.Mode != "bare")
        {
            // Limits far above anything the run sends: this scenario measures the write path, not the limiter.
            await using var real = await Target.StartRealAsync(1_000_000, 1_000_000);
            Console.WriteLine($"  [real] platform pid {real.Pid} at {real.Address}");
            (realMax, realRate, rate) = await MeasureAsync("real", real, o, max => rate ?? HalfOf(max), ct);
        }
        if (o.Mode != "real")
        {
            await using var bare = await Target.StartBareAsync();
            Console.WriteLine($"  [bare] bare endpoint pid {bare.Pid} at {bare.Address}");
            (bareMax, bareRate, rate) = await MeasureAsync("bare", bare, o, max => rate ?? HalfOf(max), ct);
        }
        return Tables(o, rate ?? 0, realMax, bareMax, realRate, bareRate);
    }

    private static int HalfOf(PhaseResult max) =>
        max.CreatedPerSecond >= 2 ? (int)Math.Round(max.CreatedPerSecond / 2) : throw new InvalidOperationException($"[{max.Name}] acknowledged no rating at full load; no rate to run at.");

    /// <summary>1. Maximum throughput (closed loop); 2. latency at the constant rate (open loop), from the scheduled send.</summary>
    /// <param name="rateFor">The constant rate, given this server's maximum.</param>
    private static async Task<(PhaseResult Max, PhaseResult AtRate, int Rate)> MeasureAsync(
        string name, ServerProcess server, Options o, Func<PhaseResult, int> rateFor, CancellationToken ct)
    {
        var request = Target.RatingRequest(server, o.Key);
        await Target.ProbeAsync(name, server, request, null, ct);
        if (o.Sweep.Count > 0)
        {
            var sweep = new MarkdownTable($"{name}: connections", "201 per second", "p50 (ms)", "p99 (ms)", "server CPU (cores)", "other processes' CPU (cores)");
            var warm = o.WarmupSeconds;
            foreach (var c in o.Sweep)
            {
                var r = await ClosedLoop.RunAsync(name, server, request, c, warm, 5, null, ct);
                warm = 1;
                sweep.Row(c.ToString(CultureInfo.InvariantCulture), MarkdownTable.Figure(r.CreatedPerSecond, "F0"), MarkdownTable.Figure(r.Latency?.P50 ?? double.NaN, "F2"),
                    MarkdownTable.Figure(r.Latency?.P99 ?? double.NaN, "F2"), MarkdownTable.Figure(r.ServerCpuSeconds / r.Seconds, "F2"), MarkdownTable.Figure(r.OthersCpuSeconds / r.Seconds, "F2"));
            }
            Console.WriteLine(sweep);
        }
        var max = await ClosedLoop.RunAsync(name, server, request, o.Connections, o.Sweep.Count > 0 ? 1 : o.WarmupSeconds, o.Seconds, null, ct);
        Console.WriteLine($"  [{name}] max throughput, {o.Connections} connections: {max}");
        var rate = rateFor(max);
        var plan = new ClientPlan(name, null, rate, InitialConnections: 32, MaxConnections: o.MaxConnections);
        var atRate = (await OpenLoop.RunAsync(server, request, [plan], warmupSeconds: 2, o.LatencySeconds, ct))[0];
        Console.WriteLine($"  [{name}] constant rate {rate}/s: {atRate}");
        return (max, atRate, rate);
    }

    private static string Tables(Options o, int rate, PhaseResult? realMax, PhaseResult? bareMax, PhaseResult? realRate, PhaseResult? bareRate)
    {
        var s = new StringBuilder();
        s.AppendLine(new ComparisonTable<PhaseResult>(
                string.Create(CultureInfo.InvariantCulture, $"Maximum throughput: closed loop, {o.Connections} keep-alive connections, {o.Seconds} s after a warm-up of at least {o.WarmupSeconds} s, until the server's JIT was quiet"),
                "real", realMax, "bare", bareMax)
            .Row("ratings acknowledged (201) per second", r => r.CreatedPerSecond, "F0")
            .Row("latency p50 (ms)", r => r.Latency?.P50 ?? double.NaN, "F2")
            .Row("latency p99 (ms)", r => r.Latency?.P99 ?? double.NaN, "F2")
            .Row("server CPU per answer (µs)", r => r.CpuMicrosecondsPerAnswer, "F0")
            .Row("warm-up (s)", r => r.WarmupSeconds, "F0", ratio: false)
            .Row("server JIT thread CPU in the window (s)", r => r.ServerJitCpuSeconds, "F2", ratio: false)
            .Row("load tool CPU (cores)", r => r.ClientCpuSeconds / r.Seconds, "F2", ratio: false)
            .Row("other processes' CPU (cores; near 0 for a clean run)", r => r.OthersCpuSeconds / r.Seconds, "F2", ratio: false)
            .Row("answers other than 201, errors", r => r.Other + r.Errors, "F0", ratio: false)
            .ToString());
        s.AppendLine(new ComparisonTable<PhaseResult>(
                string.Create(CultureInfo.InvariantCulture, $"Constant arrival rate {rate}/s (half the {(realMax is null ? "bare" : "real")} maximum), {o.LatencySeconds} s after 2 s warm-up; latency from the scheduled send"),
                "real", realRate, "bare", bareRate)
            .Row("answers per second", r => r.AnsweredPerSecond, "F0")
            .Row("latency p50 (ms)", r => r.Latency?.P50 ?? double.NaN, "F2")
            .Row("latency p90 (ms)", r => r.Latency?.P90 ?? double.NaN, "F2")
            .Row("latency p99 (ms)", r => r.Latency?.P99 ?? double.NaN, "F2")
            .Row("latency max (ms)", r => r.Latency?.Max ?? double.NaN, "F2")
            .Row("generator's send lag p99 (ms)", r => r.SendLag?.P99 ?? double.NaN, "F2")
            .Row("generator's send lag max (ms)", r => r.SendLag?.Max ?? double.NaN, "F2")
            .Row("connections used (peak)", r => r.PeakConnections, "F0", ratio: false)
            .Row("server CPU per answer (µs)", r => r.CpuMicrosecondsPerAnswer, "F0")
            .Row("other processes' CPU (cores; near 0 for a clean run)", r => r.OthersCpuSeconds / r.Seconds, "F2", ratio: false)
            .Row("answers other than 201, errors", r => r.Other + r.Errors, "F0", ratio: false)
            .ToString());
        if (realMax is not null && bareMax is not null && realRate?.Latency is { } rl && bareRate?.Latency is { } bl)
        {
            var throughputRatio = realMax.CreatedPerSecond / bareMax.CreatedPerSecond;
            var p99Ratio = rl.P99 / bl.P99;
            s.AppendLine(new MarkdownTable("goal (issue 5)", "figure", "met")
                .Row("real throughput ≥ 50% of bare", MarkdownTable.Figure(throughputRatio * 100, "F0") + " %", Met(throughputRatio >= 0.5))
                .Row("real p99 < 5 ms at half its maximum", MarkdownTable.Figure(rl.P99, "F2") + " ms", Met(rl.P99 < 5))
                .Row("real p99 ≤ 4 × bare p99 at the same rate", MarkdownTable.Figure(p99Ratio, "F2") + " ×", Met(p99Ratio <= 4))
                .ToString());
        }
        return s.ToString();
    }

    public static string Met(bool met) => met ? "yes" : "**no**";
}
