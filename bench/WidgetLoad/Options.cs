using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>The command line; see <see cref="WidgetLoadProgram"/>.</summary>
public sealed record Options
{
    /// <summary><c>capacity</c> (throughput, then latency at a constant rate), <c>limits</c> (rate limiting and the cost of a rejection) or <c>all</c>.</summary>
    public string Scenario { get; init; } = "all";

    /// <summary><c>both</c>; <c>bare</c> runs every step against the bare endpoint alone (to check the tool itself); <c>real</c> the platform alone.</summary>
    public string Mode { get; init; } = "both";

    public string Key { get; init; } = "wk_demo0000000000000000000";

    // Throughput (closed loop). The warm-up covers the platform's JIT: its tiered compilation runs ~10 s after start-up under load.
    public int Connections { get; init; } = 128;
    public int Seconds { get; init; } = 10;
    public int WarmupSeconds { get; init; } = 10;

    /// <summary>Connection counts to try one after the other (5 s each, after the warm-up) before the measured run, to choose <see cref="Connections"/>.</summary>
    public IReadOnlyList<int> Sweep { get; init; } = [];

    // Latency at a constant rate (open loop); 0 = half the real endpoint's measured maximum.
    public int Rate { get; init; }
    public int LatencySeconds { get; init; } = 10;
    public int MaxConnections { get; init; } = 4096;

    // Rate limiting. The bucket holds a minute's allowance: over 90 s its burst is a small part of what the abuser gets.
    public int LimitPerMinute { get; init; } = 60;
    public int LegitClients { get; init; } = 20;
    public double LegitShare { get; init; } = 0.5;
    public double AbuseFactor { get; init; } = 10;
    public int FairSeconds { get; init; } = 90;
    public int CostRate { get; init; } = 1000;
    public int CostSeconds { get; init; } = 10;

    // Internal: the bare reference endpoint runs as a child process of this tool.
    public bool ServeBare { get; init; }

    public static Options Parse(string[] args) => ArgReader.Parse(args, new Options(), (o, a) => a.Name switch
    {
        "--scenario" => o with { Scenario = a.OneOf("capacity", "limits", "all") },
        "--mode" => o with { Mode = a.OneOf("both", "real", "bare") },
        "--key" => o with { Key = a.Next() },
        "--connections" => o with { Connections = a.Int(1, 4096) },
        "--seconds" => o with { Seconds = a.Int(1, 600) },
        "--warmup-seconds" => o with { WarmupSeconds = a.Int(0, 60) },
        "--sweep" => o with { Sweep = a.Next().Split(',').Select(v => int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) is var c and >= 1 and <= 4096 ? c : throw new ArgumentException("--sweep takes 1 to 4096 per count.")).ToArray() },
        "--rate" => o with { Rate = a.Int(1, 200_000) },
        "--latency-seconds" => o with { LatencySeconds = a.Int(1, 600) },
        "--max-connections" => o with { MaxConnections = a.Int(1, 8192) },
        "--limit-per-minute" => o with { LimitPerMinute = a.Int(6, 100_000) },
        "--legit-clients" => o with { LegitClients = a.Int(1, 250) },
        "--legit-share" => o with { LegitShare = a.Double(0.01, 1) },
        "--abuse-factor" => o with { AbuseFactor = a.Double(1, 1000) },
        "--fair-seconds" => o with { FairSeconds = a.Int(1, 600) },
        "--cost-rate" => o with { CostRate = a.Int(1, 100_000) },
        "--cost-seconds" => o with { CostSeconds = a.Int(1, 600) },
        "--serve-bare" => o with { ServeBare = true },
        _ => throw a.Unknown(),
    });
}
