using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>Accumulates answers into a <see cref="PhaseResult"/>; one per worker or client, merged at the end.</summary>
public sealed class Tally
{
    private readonly List<double> _latency = [];
    private readonly List<double> _sendLag = [];

    public long Sent;
    public long Answered;
    public long Created;
    public long Rejected;
    public long RejectedWithoutRetryAfter;
    public long Other;
    public long Errors;
    public string? FirstUnexpected;
    public string? FirstError;

    public void Answer(HttpAnswer a, double latencyMs)
    {
        Answered++;
        _latency.Add(latencyMs);
        switch (a.Status)
        {
            case 201:
                Created++;
                break;
            case 429:
                Rejected++;
                if (!a.RetryAfter)
                    RejectedWithoutRetryAfter++;
                break;
            default:
                Other++;
                FirstUnexpected ??= $"{a.Status} {a.Body}";
                break;
        }
    }

    public void SendLag(double ms) => _sendLag.Add(ms);

    public void Error(string message)
    {
        Errors++;
        FirstError ??= message;
    }

    public static PhaseResult Merge(string name, double seconds, IReadOnlyCollection<Tally> tallies, int peakConnections, ServerUse server) => new()
    {
        Name = name,
        Seconds = seconds,
        Sent = tallies.Sum(t => t.Sent),
        Answered = tallies.Sum(t => t.Answered),
        Created = tallies.Sum(t => t.Created),
        Rejected = tallies.Sum(t => t.Rejected),
        RejectedWithoutRetryAfter = tallies.Sum(t => t.RejectedWithoutRetryAfter),
        Other = tallies.Sum(t => t.Other),
        Errors = tallies.Sum(t => t.Errors),
        FirstUnexpected = tallies.Select(t => t.FirstUnexpected).FirstOrDefault(u => u is not null),
        FirstError = tallies.Select(t => t.FirstError).FirstOrDefault(u => u is not null),
        Latency = Percentiles.Of(tallies.SelectMany(t => t._latency).ToArray()),
        SendLag = tallies.Any(t => t._sendLag.Count > 0) ? Percentiles.Of(tallies.SelectMany(t => t._sendLag).ToArray()) : null,
        PeakConnections = peakConnections,
        ServerCpuSeconds = server.Cpu.TotalSeconds,
        ServerJitCpuSeconds = server.Jit.TotalSeconds,
        ClientCpuSeconds = server.ClientCpu.TotalSeconds,
        ClientGcPauseMs = server.ClientGcPause.TotalMilliseconds,
        OthersCpuSeconds = server.Others.TotalSeconds,
    };
}
