using System.Globalization;
using System.Text;
using Engagement.LoadKit;

namespace Engagement.LiveLoad;

/// <summary>
/// <c>dotnet run -c Release --project bench/LiveLoad -- --connections 5000 --votes-per-second 1000 --seconds 20 [--stall-fraction 0.1] [--mode app|bare|both]</c>.
/// Every server listens on 127.0.0.1 only; every loop is bounded in count and time.
/// </summary>
public static class LiveLoadProgram
{
    public static async Task<int> Main(string[] args)
    {
        Options o;
        try
        {
            o = Options.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
        if (o.ServeBare)
            return await BareCounter.ServeAsync(o);

        // The whole run is bounded: opening, votes, stall and drain of each mode, plus start-up and margins.
        var perMode = o.ConnectTimeoutSeconds + o.Seconds + o.StallSeconds + o.IdleSettleSeconds + 180;
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(perMode * (o.Mode == "both" ? 2 : 1)));
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"live load: {o.Connections} connections, {o.VotesPerSecond} votes/s for {o.Seconds} s, {o.Senders} senders, {o.UpdatesPerSecond} updates/s, stall {o.StallFraction:P0} for {o.StallSeconds} s, mode {o.Mode}; fd limit: {ProcFs.FdLimit()}"));

        RunResult? appResult = null, bareResult = null;
        if (o.Mode is "bare" or "both")
            bareResult = await RunOneAsync(o, app: false, cts.Token);
        if (o.Mode is "app" or "both")
            appResult = await RunOneAsync(o, app: true, cts.Token);

        Console.WriteLine();
        Console.WriteLine(Table(o, appResult, bareResult));
        return 0;
    }

    private static async Task<RunResult> RunOneAsync(Options o, bool app, CancellationToken ct)
    {
        await using var server = app
            // Demonstration data on: it gives an organisation and services without signing in, and seeds only ~400 rows.
            ? await ServerProcess.StartPlatformAsync("liveload", ["--Seed:DemoData=true", "--RateLimits:GraphQLPerMinute=1000000",
                // Every viewer connects from 127.0.0.1: the per-address bounds on live connections would otherwise refuse most.
                "--RateLimits:LiveConnectionsPerMinute=1000000", "--Live:MaxConnectionsPerAddress=1000000", $"--Live:MaxUpdatesPerSecond={o.UpdatesPerSecond}"])
            : await ServerProcess.StartSelfAsync("bare hub", ["--serve-bare", "--updates-per-second", o.UpdatesPerSecond.ToString(CultureInfo.InvariantCulture)]);
        Console.WriteLine($"  [{(app ? "app" : "bare")}] server pid {server.Pid} at {server.Address}");
        var result = await new LoadRun(o, server, app).RunAsync(ct);
        Print(result);
        return result;
    }

    private static void Print(RunResult r)
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] votes acknowledged {r.Acked} ({r.AchievedVotesPerSecond:F0}/s), failed {r.FailedVotes}{(r.FirstVoteError is null ? "" : " first: " + r.FirstVoteError)}");
        s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] vote round trip {r.VoteRoundTrip}");
        s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] ack -> last healthy viewer {r.Latency}; undelivered (vote x viewer) {r.Undelivered}");
        if (r.LatencyDuringStall is not null)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}]   votes acked during the stall {r.LatencyDuringStall}");
            s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}]   votes acked outside the stall {r.LatencyOutsideStall}");
        }
        s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] fan-out (first -> last healthy receipt of one snapshot) {r.FanOut}");
        s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] messages per healthy viewer {r.MessagesPerHealthy:F1} (min {r.MessagesMinHealthy}, max {r.MessagesMaxHealthy}); per stalled viewer {r.MessagesPerStalled:F1}");
        s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] closed during the run: healthy {r.ClosedHealthy}, stalled {r.ClosedStalled}{(r.FirstCloseReason is null ? "" : " first: " + r.FirstCloseReason)}");
        s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] server VmRSS {r.RssBeforeKib / 1024.0:F1} MiB before, {r.RssIdleKib / 1024.0:F1} MiB with {r.Opened} idle = {r.IdleKibPerConnection:F1} KiB/connection (RssAnon {r.IdleAnonKibPerConnection:F1} KiB); after votes {r.RssAfterVotesKib / 1024.0:F1} MiB");
        if (r.RssStallStartKib > 0)
            s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] server VmRSS at stall start {r.RssStallStartKib / 1024.0:F1} MiB, at stall end {r.RssStallEndKib / 1024.0:F1} MiB (growth {(r.RssStallEndKib - r.RssStallStartKib) / 1024.0:F1} MiB)");
        s.AppendLine(CultureInfo.InvariantCulture, $"  [{r.Mode}] server CPU during votes {r.ServerCpuSecondsDuringVotes:F1} s; final count {r.FinalCount}, expected {r.ExpectedFinalCount}");
        Console.Write(s.ToString());
    }

    private static string Table(Options o, RunResult? a, RunResult? b)
    {
        var t = new ComparisonTable<RunResult>(
            string.Create(CultureInfo.InvariantCulture, $"{o.Connections} connections, {o.VotesPerSecond} votes/s, {o.Seconds} s{(o.StallFraction > 0 ? $", {o.StallFraction:P0} stalled {o.StallSeconds} s" : "")}"),
            "app", a, "bare", b)
            .Row("connections open", r => r.Opened, "F0")
            .Row("votes acknowledged per second", r => r.AchievedVotesPerSecond, "F0")
            .Row("ack → last healthy viewer p50 (ms)", r => r.Latency?.P50 ?? double.NaN, "F0")
            .Row("ack → last healthy viewer p90 (ms)", r => r.Latency?.P90 ?? double.NaN, "F0")
            .Row("ack → last healthy viewer p99 (ms)", r => r.Latency?.P99 ?? double.NaN, "F0")
            .Row("ack → last healthy viewer max (ms)", r => r.Latency?.Max ?? double.NaN, "F0")
            .Row("fan-out first → last receipt p50 (ms)", r => r.FanOut?.P50 ?? double.NaN, "F0")
            .Row("fan-out first → last receipt p99 (ms)", r => r.FanOut?.P99 ?? double.NaN, "F0")
            .Row("messages per healthy connection", r => r.MessagesPerHealthy, "F1")
            .Row("server memory per idle connection, VmRSS (KiB)", r => r.IdleKibPerConnection, "F1")
            .Row("server memory per idle connection, RssAnon (KiB)", r => r.IdleAnonKibPerConnection, "F1")
            .Row("server CPU during the votes (s)", r => r.ServerCpuSecondsDuringVotes, "F1");
        if (o.StallFraction > 0)
        {
            t.Row("healthy p99, votes acked during the stall (ms)", r => r.LatencyDuringStall?.P99 ?? double.NaN, "F0")
                .Row("healthy p99, votes acked outside the stall (ms)", r => r.LatencyOutsideStall?.P99 ?? double.NaN, "F0")
                .Row("server VmRSS growth over the stall (MiB)", r => (r.RssStallEndKib - r.RssStallStartKib) / 1024.0, "F1")
                .Row("server VmRSS growth over the stall per stalled viewer (KiB)", r => (r.RssStallEndKib - r.RssStallStartKib) / Math.Max(1.0, Math.Round(o.Connections * o.StallFraction)), "F1")
                .Row("stalled connections closed", r => r.ClosedStalled, "F0");
        }
        return t.ToString();
    }
}
