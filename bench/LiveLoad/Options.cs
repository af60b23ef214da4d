using Engagement.LoadKit;

namespace Engagement.LiveLoad;

/// <summary>The command line: <c>--connections 5000 --votes-per-second 1000 --seconds 20 [--stall-fraction 0.1] [--mode app|bare|both]</c>.</summary>
public sealed record Options
{
    public int Connections { get; init; } = 5000;
    public int VotesPerSecond { get; init; } = 1000;
    public int Seconds { get; init; } = 20;
    public double StallFraction { get; init; }
    public int StallSeconds { get; init; } = 10;
    public string Mode { get; init; } = "both";
    public int Senders { get; init; } = 32;
    public int ConnectConcurrency { get; init; } = 64;
    public int UpdatesPerSecond { get; init; } = 4;
    public int ConnectTimeoutSeconds { get; init; } = 300;
    public int IdleSettleSeconds { get; init; } = 5;

    // Internal: the bare reference hub runs as a child process of this tool (its own memory and file descriptors).
    public bool ServeBare { get; init; }

    public static Options Parse(string[] args) => ArgReader.Parse(args, new Options(), (o, a) => a.Name switch
    {
        "--connections" => o with { Connections = a.Int(1, 20_000) },
        "--votes-per-second" => o with { VotesPerSecond = a.Int(1, 20_000) },
        "--seconds" => o with { Seconds = a.Int(1, 600) },
        "--stall-fraction" => o with { StallFraction = a.Double(0, 0.99) },
        "--stall-seconds" => o with { StallSeconds = a.Int(1, 600) },
        "--mode" => o with { Mode = a.OneOf("app", "bare", "both") },
        "--senders" => o with { Senders = a.Int(1, 512) },
        "--connect-concurrency" => o with { ConnectConcurrency = a.Int(1, 1024) },
        "--updates-per-second" => o with { UpdatesPerSecond = a.Int(1, 100) },
        "--connect-timeout-seconds" => o with { ConnectTimeoutSeconds = a.Int(10, 1800) },
        "--idle-settle-seconds" => o with { IdleSettleSeconds = a.Int(0, 120) },
        "--serve-bare" => o with { ServeBare = true },
        _ => throw a.Unknown(),
    });
}
