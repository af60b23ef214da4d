using System.Text;
using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>The figures of one client (or one closed-loop run) over the measured window of one phase.</summary>
public sealed record PhaseResult
{
    public required string Name { get; init; }

    /// <summary>Closed loop: how long the warm-up lasted (its minimum, longer while the server's JIT was busy), in seconds.</summary>
    public double WarmupSeconds { get; init; }

    /// <summary>Length of the measured window, in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>Requests sent (scheduled, in an open loop) in the window.</summary>
    public long Sent { get; init; }
    public long Answered { get; init; }
    public long Created { get; init; }
    public long Rejected { get; init; }
    public long RejectedWithoutRetryAfter { get; init; }

    /// <summary>Answers other than 201 and 429.</summary>
    public long Other { get; init; }

    /// <summary>Requests that failed on the connection (reset, closed) or had no answer by the end.</summary>
    public long Errors { get; init; }
    public string? FirstUnexpected { get; init; }
    public string? FirstError { get; init; }

    /// <summary>Milliseconds from the scheduled send time (open loop) or the send (closed loop) to the whole answer.</summary>
    public Percentiles? Latency { get; init; }

    /// <summary>Open loop: milliseconds from the scheduled send time to the actual send (the generator's own lateness).</summary>
    public Percentiles? SendLag { get; init; }
    public int PeakConnections { get; init; }

    /// <summary>Open loop: the worst latency of the requests scheduled in each second of the window, in ms (shows periodic stalls).</summary>
    public IReadOnlyList<double> MaxBySecond { get; init; } = [];

    /// <summary>The server's CPU time (user + system) over the window, in seconds; NaN when not measured.</summary>
    public double ServerCpuSeconds { get; init; } = double.NaN;

    /// <summary>Of <see cref="ServerCpuSeconds"/>, the runtime's tiered-compilation (JIT) thread's: near 0 once the server is warm.</summary>
    public double ServerJitCpuSeconds { get; init; } = double.NaN;

    /// <summary>This tool's own CPU time over the window, in seconds.</summary>
    public double ClientCpuSeconds { get; init; } = double.NaN;

    /// <summary>CPU time of every other process on the machine over the window, in seconds: should be near 0.</summary>
    public double OthersCpuSeconds { get; init; } = double.NaN;

    /// <summary>This tool's own garbage-collection pauses over the phase, in milliseconds (they delay its sends and reads).</summary>
    public double ClientGcPauseMs { get; init; }

    public double AnsweredPerSecond => Answered / Seconds;
    public double CreatedPerSecond => Created / Seconds;
    public double CpuMicrosecondsPerAnswer => Answered == 0 ? double.NaN : ServerCpuSeconds * 1e6 / Answered;

    public override string ToString()
    {
        var s = new StringBuilder();
        if (WarmupSeconds > 0)
            s.Append(System.Globalization.CultureInfo.InvariantCulture, $"after {WarmupSeconds:F0} s warm-up, ");
        s.Append(System.Globalization.CultureInfo.InvariantCulture, $"{Name}: sent {Sent}, answered {Answered} ({AnsweredPerSecond:F0}/s): 201 {Created}, 429 {Rejected} ({RejectedWithoutRetryAfter} without Retry-After), other {Other}, errors {Errors}; peak connections {PeakConnections}");
        s.Append(System.Globalization.CultureInfo.InvariantCulture, $"; client CPU {ClientCpuSeconds:F2} s, GC pauses {ClientGcPauseMs:F1} ms; other processes' CPU {OthersCpuSeconds:F2} s");
        if (double.IsFinite(ServerCpuSeconds))
            s.Append(System.Globalization.CultureInfo.InvariantCulture, $"; server CPU {ServerCpuSeconds:F2} s (JIT {ServerJitCpuSeconds:F2} s) = {CpuMicrosecondsPerAnswer:F0} µs/answer");
        if (Latency is not null)
            s.Append("\n    latency ").Append(Latency.ToString(2));
        if (SendLag is not null)
            s.Append("\n    send lag ").Append(SendLag.ToString(2));
        if (MaxBySecond.Count > 0)
            s.Append("\n    worst latency by second (ms): ").AppendJoin(' ', MaxBySecond.Select(v => v.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)));
        if (FirstUnexpected is not null)
            s.Append("\n    first unexpected answer: ").Append(FirstUnexpected);
        if (FirstError is not null)
            s.Append("\n    first error: ").Append(FirstError);
        return s.ToString();
    }
}
