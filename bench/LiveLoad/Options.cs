using System.Globalization;

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

    public static Options Parse(string[] args)
    {
        var o = new Options();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int(int min, int max)
            {
                var name = args[i];
                var v = int.Parse(Next(), CultureInfo.InvariantCulture);
                return v < min || v > max ? throw new ArgumentException($"{name} must be {min} to {max}.") : v;
            }
            o = args[i] switch
            {
                "--connections" => o with { Connections = Int(1, 20_000) },
                "--votes-per-second" => o with { VotesPerSecond = Int(1, 20_000) },
                "--seconds" => o with { Seconds = Int(1, 600) },
                "--stall-fraction" => o with { StallFraction = double.Parse(Next(), CultureInfo.InvariantCulture) is var f and >= 0 and < 1 ? f : throw new ArgumentException("--stall-fraction must be 0 to 0.99.") },
                "--stall-seconds" => o with { StallSeconds = Int(1, 600) },
                "--mode" => o with { Mode = Next() is var m && m is "app" or "bare" or "both" ? m : throw new ArgumentException("--mode is app, bare or both.") },
                "--senders" => o with { Senders = Int(1, 512) },
                "--connect-concurrency" => o with { ConnectConcurrency = Int(1, 1024) },
                "--updates-per-second" => o with { UpdatesPerSecond = Int(1, 100) },
                "--connect-timeout-seconds" => o with { ConnectTimeoutSeconds = Int(10, 1800) },
                "--idle-settle-seconds" => o with { IdleSettleSeconds = Int(0, 120) },
                "--serve-bare" => o with { ServeBare = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        return o;
    }
}
