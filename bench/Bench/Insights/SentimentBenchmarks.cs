using BenchmarkDotNet.Attributes;
using Engagement.Core.Insights;
using Engagement.Insights.Sentiment;

namespace Engagement.Bench.Insights;

/// <summary>
/// Sentiment scoring throughput on one core: the same 512 held-out texts scored one at a time through
/// <see cref="SentimentModel.Score"/> (as the GraphQL field and moderation do), and through
/// <see cref="SentimentModel.ScoreMany"/> in batches of 64 and of 512 (as batch scoring of an export does).
/// Single-threaded; every figure is per text, so the rows compare directly.
/// </summary>
[Config(typeof(InProcessShortRun))]
public class SentimentBenchmarks
{
    private SentimentModel _model = null!;
    private string[] _texts = [];
    private string[][] _batchesOf64 = [];

    [GlobalSetup]
    public void Setup()
    {
        _model = SentimentModel.LoadShipped();
        _texts = SentimentTexts.Sample();
        _batchesOf64 = [.. _texts.Chunk(64)];
        Console.WriteLine(SentimentTexts.Describe(_texts));

        // The rows must do the same work: a batch that read a text differently from one call would compare unlike things.
        var single = _texts.Select(_model.Score).ToList();
        var batched = _model.ScoreMany(_texts);
        var differing = single.Zip(batched).Count(p => p.First.Label != p.Second.Label || Math.Abs(p.First.Probability - p.Second.Probability) > 1e-4);
        Console.WriteLine($"// Labels: {string.Join(", ", single.GroupBy(s => s.Label).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"))}; "
            + $"notes: {string.Join(", ", single.GroupBy(s => s.Note).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"))}; "
            + $"{differing} text(s) scored differently one by one and in a batch");
    }

    /// <summary>512 calls of <see cref="SentimentModel.Score"/>, one text each, on the one pooled prediction engine.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = SentimentTexts.Count, Description = "Score, one text per call, per text")]
    public int ScoreOneByOne()
    {
        var negative = 0;
        foreach (var text in _texts)
        {
            if (_model.Score(text).Label == SentimentLabel.Negative)
                negative++;
        }
        return negative;
    }

    /// <summary>The 512 texts as 8 calls of <see cref="SentimentModel.ScoreMany"/> with 64 texts each.</summary>
    [Benchmark(OperationsPerInvoke = SentimentTexts.Count, Description = "ScoreMany, batches of 64, per text")]
    public int ScoreBatchesOf64()
    {
        var negative = 0;
        foreach (var batch in _batchesOf64)
            negative += _model.ScoreMany(batch).Count(s => s.Label == SentimentLabel.Negative);
        return negative;
    }

    /// <summary>The 512 texts as one call of <see cref="SentimentModel.ScoreMany"/>.</summary>
    [Benchmark(OperationsPerInvoke = SentimentTexts.Count, Description = "ScoreMany, one batch of 512, per text")]
    public int ScoreBatchOf512() => _model.ScoreMany(_texts).Count(s => s.Label == SentimentLabel.Negative);
}
