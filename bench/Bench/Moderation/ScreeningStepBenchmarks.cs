using BenchmarkDotNet.Attributes;
using Engagement.Core.Screening;
using Microsoft.Extensions.DependencyInjection;

namespace Engagement.Bench.Moderation;

/// <summary>
/// Where the time of <see cref="ScreeningBenchmarks"/> goes: each registered step alone (picked by its order) over the
/// same 2,000 texts, each in a fresh context with the benchmark's term lists. Steps after the first see the texts
/// unnormalised and unmasked, close enough for a breakdown; the spam step's windows behave as in the whole pipeline.
/// </summary>
[Config(typeof(InProcessShortRun))]
public class ScreeningStepBenchmarks
{
    private readonly ScreeningBenchmarks _pipeline = new();
    private IScreeningStep _step = null!;
    private TextToScreen[] _texts = [];
    private ScreeningTerms _terms = null!;
    private long _clock;

    [Params(100, 200, 300, 400, 500)]
    public int Order { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipeline.Setup();
        _step = _pipeline.Services.GetServices<IScreeningStep>().Single(s => s.Order == Order);
        _terms = ScreeningBenchmarks.Terms;
        _texts = [.. _pipeline.Texts];
        _clock = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;
        Console.WriteLine($"// Step {Order}: {_step.GetType().Name}");
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Cleanup();

    /// <summary>One step over the 2,000 texts; the figure is per text.</summary>
    [Benchmark(OperationsPerInvoke = 2_000, Description = "IScreeningStep.RunAsync alone, per text")]
    public async Task<int> RunStep()
    {
        var reasons = 0;
        foreach (var text in _texts)
        {
            _clock += TimeSpan.TicksPerSecond * 45; // as in the whole pipeline: the window holds about the last 24 h
            var context = new ScreeningContext(text, _terms, new DateTimeOffset(_clock, TimeSpan.Zero));
            await _step.RunAsync(context, CancellationToken.None);
            reasons += context.Reasons.Count;
        }
        return reasons;
    }
}
