using System.Diagnostics;
using Engagement.LoadKit;

namespace Engagement.WidgetLoad;

/// <summary>
/// At one moment: the server's CPU time and its JIT threads', this tool's own CPU time and GC pause total, and the
/// whole machine's idle time. <see cref="Since"/> gives a phase's.
/// </summary>
public sealed record ServerSample(TimeSpan Cpu, IReadOnlyDictionary<int, TimeSpan> JitThreads, TimeSpan ClientCpu, TimeSpan ClientGcPause, TimeSpan MachineIdle, long Timestamp)
{
    public static ServerSample Zero { get; } = new(TimeSpan.Zero, new Dictionary<int, TimeSpan>(), TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, 0);

    public static ServerSample Take(ServerProcess server) => new(
        server.CpuTime(), server.JitCpuTimes(), ProcFs.CpuTime(Environment.ProcessId), GC.GetTotalPauseDuration(), ProcFs.MachineIdleTime(), Stopwatch.GetTimestamp());

    public ServerUse Since(ServerSample before) => new(
        Cpu - before.Cpu, ProcFs.Growth(before.JitThreads, JitThreads), ClientCpu - before.ClientCpu, ClientGcPause - before.ClientGcPause,
        Stopwatch.GetElapsedTime(before.Timestamp, Timestamp) * Environment.ProcessorCount - (MachineIdle - before.MachineIdle));
}

/// <summary>What a phase used: server CPU, of it the JIT's, this tool's CPU and GC pauses, the whole machine's busy time.</summary>
public readonly record struct ServerUse(TimeSpan Cpu, TimeSpan Jit, TimeSpan ClientCpu, TimeSpan ClientGcPause, TimeSpan Machine)
{
    /// <summary>CPU time of everything else on the machine (other processes: builds, tests…), which the figures share the cores with.</summary>
    public TimeSpan Others => Machine - Cpu - ClientCpu;
}
