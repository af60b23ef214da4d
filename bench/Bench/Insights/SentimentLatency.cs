using System.Diagnostics;
using System.Globalization;
using Engagement.Insights.Sentiment;

namespace Engagement.Bench.Insights;

/// <summary>
/// Single-text scoring latency, call by call (<c>dotnet run -c Release --project bench/Bench -- sentiment-latency</c>):
/// BenchmarkDotNet's percentiles are over iterations of many calls, which hide a slow call among fast ones.
/// Single-threaded; also reports the first, cold load and the first call, which a process pays once at start-up.
/// </summary>
internal static class SentimentLatency
{
    private const int WarmUpCalls = 5_000;
    private const int MeasuredCalls = 20_000;

    public static void Run()
    {
        var texts = SentimentTexts.Sample();
        Console.WriteLine(SentimentTexts.Describe(texts));

        var start = Stopwatch.GetTimestamp();
        var model = SentimentModel.LoadShipped();
        var coldLoad = Stopwatch.GetElapsedTime(start);
        start = Stopwatch.GetTimestamp();
        model.Score(texts[0]);
        var coldCall = Stopwatch.GetElapsedTime(start);
        Console.WriteLine(Invariant($"First load (cold): {coldLoad.TotalMilliseconds:0} ms; first call (creates the prediction engine, JIT): {coldCall.TotalMilliseconds:0} ms"));

        // Past tiered compilation's promotion to optimised code, so the tail measured is the scorer's, not the JIT's.
        for (var i = 0; i < WarmUpCalls; i++)
            model.Score(texts[i % texts.Length]);

        var elapsed = new long[MeasuredCalls];
        var gcBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var loopStart = Stopwatch.GetTimestamp();
        for (var i = 0; i < MeasuredCalls; i++)
        {
            var callStart = Stopwatch.GetTimestamp();
            model.Score(texts[i % texts.Length]);
            elapsed[i] = Stopwatch.GetTimestamp() - callStart;
        }
        var loop = Stopwatch.GetElapsedTime(loopStart);
        var collections = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - gcBefore[g]).ToArray();

        Array.Sort(elapsed);
        double Micros(long ticks) => ticks * 1_000_000.0 / Stopwatch.Frequency;
        // Nearest rank: the smallest time that at least p of the calls did not exceed.
        double Percentile(double p) => Micros(elapsed[(int)Math.Ceiling(p * MeasuredCalls) - 1]);
        Console.WriteLine(Invariant($"{MeasuredCalls:N0} calls of Score, one at a time, after {WarmUpCalls:N0} warm-up calls:"));
        Console.WriteLine(Invariant($"  p50 {Percentile(0.50):0.0} µs, p90 {Percentile(0.90):0.0} µs, p99 {Percentile(0.99):0.0} µs, p99.9 {Percentile(0.999):0.0} µs, max {Micros(elapsed[^1]):0.0} µs"));
        Console.WriteLine(Invariant($"  {MeasuredCalls / loop.TotalSeconds:N0} texts per second on one thread; GC collections gen0/1/2: {collections[0]}/{collections[1]}/{collections[2]}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
