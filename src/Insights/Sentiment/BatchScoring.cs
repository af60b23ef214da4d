using System.Globalization;
using Engagement.Core.Insights;

namespace Engagement.Insights.Sentiment;

/// <summary>
/// Scores an export: one text per line (its id is the line number), or "id&lt;TAB&gt;text" lines, written as
/// "id&lt;TAB&gt;label&lt;TAB&gt;probability" under a header. Lines without an id in TSV mode are reported and skipped,
/// never stopping the rest. Returns the number of lines skipped.
/// </summary>
internal static class BatchScoring
{
    private const int BatchSize = 512;

    public static int Run(ISentimentScorer scorer, TextReader input, TextWriter output, TextWriter errors, bool tsv, bool details)
    {
        output.WriteLine(details ? "id\tlabel\tprobability\tlanguage\tnote" : "id\tlabel\tprobability");
        var batch = new List<(string Id, string Text)>(BatchSize);
        var (number, skipped) = (0, 0);
        while (input.ReadLine() is { } line)
        {
            number++;
            if (tsv)
            {
                var tab = line.IndexOf('\t', StringComparison.Ordinal);
                if (tab <= 0)
                {
                    errors.WriteLine($"line {number}: expected \"id<TAB>text\"; skipped.");
                    skipped++;
                    continue;
                }
                batch.Add((line[..tab], line[(tab + 1)..]));
            }
            else
                batch.Add((number.ToString(CultureInfo.InvariantCulture), line));
            // Batches keep memory flat on any export size and let the model score many texts per pass.
            if (batch.Count == BatchSize)
                Flush(scorer, batch, output, details);
        }
        Flush(scorer, batch, output, details);
        if (skipped > 0)
            errors.WriteLine($"{skipped} line(s) skipped; every other line was scored.");
        return skipped;
    }

    private static void Flush(ISentimentScorer scorer, List<(string Id, string Text)> batch, TextWriter output, bool details)
    {
        var scores = scorer.ScoreMany([.. batch.Select(b => b.Text)]);
        for (var i = 0; i < batch.Count; i++)
        {
            var s = scores[i];
            output.Write(string.Create(CultureInfo.InvariantCulture, $"{batch[i].Id}\t{s.Label.ToString().ToLowerInvariant()}\t{s.Probability:0.0000}"));
            output.WriteLine(details ? $"\t{s.Language}\t{s.Note.ToString().ToLowerInvariant()}" : "");
        }
        batch.Clear();
    }
}
