using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Engagement.Bench;

/// <summary>
/// One in-process job with few iterations: the benchmarks hit a real file with fsync, so each iteration is
/// slow and stable enough, and in-process runs need no separate build of a generated project.
/// </summary>
public sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
