using BenchmarkDotNet.Attributes;
using Engagement.Insights.Sentiment;

namespace Engagement.Bench.Insights;

/// <summary>
/// Loading the shipped sentiment and abuse models from the assembly (<see cref="SentimentModel.LoadShipped"/>), warm:
/// the process has loaded them before, so the figure leaves out the first load's JIT and assembly loading, which
/// <see cref="SentimentLatency"/> reports once. Apart from <see cref="SentimentBenchmarks"/> so that its ratio column
/// compares only scoring rows.
/// </summary>
[Config(typeof(InProcessShortRun))]
public class SentimentLoadBenchmarks
{
    /// <summary>One load; no prediction engine is created until the first text is scored.</summary>
    [Benchmark(Description = "SentimentModel.LoadShipped")]
    public string LoadShipped() => SentimentModel.LoadShipped().ModelVersion;
}
