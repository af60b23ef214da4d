using System.Globalization;
using System.Net;
using System.Text;
using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>
/// Step 3: per-client rate limiting. Legitimate clients (each its own loopback address) at a share of the per-client
/// limit, without and then with one abusive client at a multiple of it; then the server's CPU per request over a
/// phase of only-rejected requests against a phase of only-acknowledged ones at the same rate.
/// </summary>
public static class Limits
{
    public static async Task<string> RunAsync(Options o, CancellationToken ct)
    {
        ServerProcess? limited = null, unlimited = null;
        try
        {
            // The per-client limit under test; the per-key limit out of the way (the clients share the one demo key).
            limited = o.Mode == "bare" ? await Target.StartBareAsync() : await Target.StartRealAsync(o.LimitPerMinute, 1_000_000);
            Console.WriteLine($"  [limited] pid {limited.Pid} at {limited.Address}, {o.LimitPerMinute} ratings per client per minute");
            var request = Target.RatingRequest(limited, o.Key);
            await Target.ProbeAsync("limited", limited, request, Address(9, 1), ct);

            var perSecond = o.LimitPerMinute / 60.0;
            var legitRate = o.LegitShare * perSecond;
            var abuseRate = o.AbuseFactor * perSecond;
            ClientPlan[] Legit(int block) => Enumerable.Range(0, o.LegitClients)
                .Select(i => new ClientPlan("legitimate", Address(block, i + 1), legitRate, InitialConnections: 1, MaxConnections: 4, Phase: (double)i / o.LegitClients))
                .ToArray();
            var abuser = new ClientPlan("abusive", Address(3, 1), abuseRate, InitialConnections: 2, MaxConnections: 64);

            // Fresh addresses for each run, so every client starts with a full bucket.
            var alone = (await OpenLoop.RunAsync(limited, request, Legit(1), 0, o.FairSeconds, ct))[0];
            Console.WriteLine($"  [without abuser] {alone}");
            var withAbuser = await OpenLoop.RunAsync(limited, request, [.. Legit(2), abuser], 0, o.FairSeconds, ct);
            var legit = withAbuser.Single(r => r.Name == "legitimate");
            var abusive = withAbuser.Single(r => r.Name == "abusive");
            Console.WriteLine($"  [with abuser] {legit}");
            Console.WriteLine($"  [with abuser] {abusive}");

            // The cost of a rejection: one client far above its limit. A burst at full speed first empties its bucket
            // and warms the refusal path (JIT); the measured phase is then rejections only, bar the tokens refilled
            // meanwhile (counted). Then the same rate at a server whose limits never bite, warmed the same way:
            // acknowledgements only.
            var costPlan = new ClientPlan("rejected", Address(4, 1), o.CostRate, InitialConnections: 16, MaxConnections: o.MaxConnections);
            var rejected = await CostPhaseAsync(limited, request, costPlan, o, ct);
            Console.WriteLine($"  [cost, limited] {rejected}");
            await limited.DisposeAsync();
            limited = null;
            unlimited = o.Mode == "bare" ? await Target.StartBareAsync() : await Target.StartRealAsync(1_000_000, 1_000_000);
            Console.WriteLine($"  [unlimited] pid {unlimited.Pid} at {unlimited.Address}");
            var unlimitedRequest = Target.RatingRequest(unlimited, o.Key);
            await Target.ProbeAsync("unlimited", unlimited, unlimitedRequest, Address(9, 2), ct);
            var accepted = await CostPhaseAsync(unlimited, unlimitedRequest, costPlan with { Name = "accepted", Local = Address(5, 1) }, o, ct);
            Console.WriteLine($"  [cost, unlimited] {accepted}");
            return Tables(o, alone, legit, abusive, rejected, accepted);
        }
        finally
        {
            if (limited is not null)
                await limited.DisposeAsync();
            if (unlimited is not null)
                await unlimited.DisposeAsync();
        }
    }

    /// <summary>
    /// The warm-up (closed loop at full speed from the plan's address, as the capacity scenario's: until the JIT is quiet), then the
    /// plan at its constant rate; the figures (server CPU included) cover the last <see cref="Options.CostSeconds"/>.
    /// </summary>
    private static async Task<PhaseResult> CostPhaseAsync(ServerProcess server, byte[] request, ClientPlan plan, Options o, CancellationToken ct)
    {
        var warm = await ClosedLoop.RunAsync(plan.Name + " warm-up", server, request, 16, o.WarmupSeconds, 1, plan.Local, ct);
        Console.WriteLine($"  [{plan.Name}] {warm}");
        // Let the JIT finish what the burst queued, so neither phase pays for it.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return (await OpenLoop.RunAsync(server, request, [plan], 2, o.CostSeconds, ct))[0];
    }

    /// <summary>127.0.<paramref name="block"/>.<paramref name="host"/>: Linux routes all of 127/8 to the loopback interface.</summary>
    private static IPAddress Address(int block, int host) => new([127, 0, (byte)block, (byte)host]);

    private static string Tables(Options o, PhaseResult alone, PhaseResult legit, PhaseResult abusive, PhaseResult rejected, PhaseResult accepted)
    {
        string F(double v, string format) => MarkdownTable.Figure(v, format);
        string Pct(double v) => F(v * 100, "F1") + " %";
        // The limit's pace over the run; the bucket also lets a client start with a full minute's allowance.
        var allowed = o.LimitPerMinute * o.FairSeconds / 60.0;
        var excess = abusive.Sent - allowed;
        var rejectedShareOfExcess = abusive.Rejected / excess;
        var bucketAllowance = o.LimitPerMinute + allowed;
        var beyondBucket = abusive.Sent - bucketAllowance;
        var legitShare = legit.Created / (double)legit.Sent;
        var legitVsAlone = legit.CreatedPerSecond / alone.CreatedPerSecond;
        var all429 = alone.Rejected + legit.Rejected + abusive.Rejected + rejected.Rejected + accepted.Rejected;
        var without = alone.RejectedWithoutRetryAfter + legit.RejectedWithoutRetryAfter + abusive.RejectedWithoutRetryAfter + rejected.RejectedWithoutRetryAfter + accepted.RejectedWithoutRetryAfter;
        var costRatio = rejected.CpuMicrosecondsPerAnswer / accepted.CpuMicrosecondsPerAnswer;

        var s = new StringBuilder();
        s.AppendLine(new MarkdownTable(
                string.Create(CultureInfo.InvariantCulture, $"Rate limiting: limit {o.LimitPerMinute}/min per client, {o.FairSeconds} s; {o.LegitClients} legitimate clients at {o.LegitShare:0.##}× it, one abusive at {o.AbuseFactor:0.##}×"),
                "legitimate, alone", "legitimate, with abuser", "abusive")
            .Row("requests sent", F(alone.Sent, "F0"), F(legit.Sent, "F0"), F(abusive.Sent, "F0"))
            .Row("201 acknowledged", F(alone.Created, "F0"), F(legit.Created, "F0"), F(abusive.Created, "F0"))
            .Row("429 rejected", F(alone.Rejected, "F0"), F(legit.Rejected, "F0"), F(abusive.Rejected, "F0"))
            .Row("other answers, errors", F(alone.Other + alone.Errors, "F0"), F(legit.Other + legit.Errors, "F0"), F(abusive.Other + abusive.Errors, "F0"))
            .Row("acknowledged per second", F(alone.CreatedPerSecond, "F2"), F(legit.CreatedPerSecond, "F2"), F(abusive.CreatedPerSecond, "F2"))
            .Row("other processes' CPU (cores; near 0 for a clean run)", F(alone.OthersCpuSeconds / alone.Seconds, "F2"), F(legit.OthersCpuSeconds / legit.Seconds, "F2"), "")
            .Row("latency p50 / p99 (ms)", $"{F(alone.Latency?.P50 ?? double.NaN, "F2")} / {F(alone.Latency?.P99 ?? double.NaN, "F2")}", $"{F(legit.Latency?.P50 ?? double.NaN, "F2")} / {F(legit.Latency?.P99 ?? double.NaN, "F2")}", $"{F(abusive.Latency?.P50 ?? double.NaN, "F2")} / {F(abusive.Latency?.P99 ?? double.NaN, "F2")}")
            .ToString());
        s.AppendLine(new MarkdownTable(
                string.Create(CultureInfo.InvariantCulture, $"Cost of a rejection: {o.CostRate} requests/s from one client for {o.CostSeconds} s after 2 s warm-up"),
                "only rejected (limited server, bucket empty)", "only acknowledged (limits off)", "rejected / acknowledged")
            .Row("answers: 201 / 429 / other + errors", $"{rejected.Created} / {rejected.Rejected} / {rejected.Other + rejected.Errors}", $"{accepted.Created} / {accepted.Rejected} / {accepted.Other + accepted.Errors}", "")
            .Row("server CPU (s)", F(rejected.ServerCpuSeconds, "F2"), F(accepted.ServerCpuSeconds, "F2"), F(rejected.ServerCpuSeconds / accepted.ServerCpuSeconds, "F2"))
            .Row("server CPU per request (µs)", F(rejected.CpuMicrosecondsPerAnswer, "F0"), F(accepted.CpuMicrosecondsPerAnswer, "F0"), F(costRatio, "F2"))
            .Row("of which the JIT thread (s)", F(rejected.ServerJitCpuSeconds, "F2"), F(accepted.ServerJitCpuSeconds, "F2"), "")
            .Row("other processes' CPU (cores; near 0 for a clean run)", F(rejected.OthersCpuSeconds / rejected.Seconds, "F2"), F(accepted.OthersCpuSeconds / accepted.Seconds, "F2"), "")
            .Row("latency p50 / p99 (ms)", $"{F(rejected.Latency?.P50 ?? double.NaN, "F2")} / {F(rejected.Latency?.P99 ?? double.NaN, "F2")}", $"{F(accepted.Latency?.P50 ?? double.NaN, "F2")} / {F(accepted.Latency?.P99 ?? double.NaN, "F2")}", "")
            .ToString());
        s.AppendLine(new MarkdownTable("goal (issue 5)", "figure", "met")
            .Row(string.Create(CultureInfo.InvariantCulture, $"abusive client's excess (sent − {allowed:F0} allowed at the limit's rate) answered 429: ≥ 90 %"),
                $"{abusive.Rejected} of {F(excess, "F0")} = {Pct(rejectedShareOfExcess)}", Capacity.Met(rejectedShareOfExcess >= 0.9))
            .Row(string.Create(CultureInfo.InvariantCulture, $"(the same beyond the bucket's allowance, a minute's burst + the pace: {bucketAllowance:F0})"),
                $"{abusive.Rejected} of {F(beyondBucket, "F0")} = {Pct(abusive.Rejected / beyondBucket)}", "")
            .Row("legitimate clients' acknowledged share of what they sent, with the abuser: ≥ 95 %", $"{legit.Created} of {legit.Sent} = {Pct(legitShare)}", Capacity.Met(legitShare >= 0.95))
            .Row("legitimate clients' acknowledged rate with the abuser, against without: ≥ 95 %", Pct(legitVsAlone), Capacity.Met(legitVsAlone >= 0.95))
            .Row("429 answers carrying Retry-After", $"{all429 - without} of {all429}", Capacity.Met(all429 > 0 && without == 0))
            .Row("CPU per rejected request ≤ 0.5 × per acknowledged one", F(costRatio, "F2") + " ×", Capacity.Met(costRatio <= 0.5))
            .ToString());
        return s.ToString();
    }
}
