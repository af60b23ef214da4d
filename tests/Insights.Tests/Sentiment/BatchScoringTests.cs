using Engagement.Insights.Sentiment;

namespace Engagement.Insights.Tests.Sentiment;

/// <summary>The batch command scores every good line in order and reports, without stopping, the lines it cannot read.</summary>
public sealed class BatchScoringTests
{
    [Fact]
    public void Plain_lines_are_numbered_and_scored_in_order()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        var skipped = BatchScoring.Run(ShippedModel.Instance, new StringReader("Great service, thank you!\n\nService nul, personne ne répond.\n"), output, errors, tsv: false, details: true);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split('\t')).ToList();
        Assert.Equal(0, skipped);
        Assert.Equal(["id", "label", "probability", "language", "note"], lines[0]);
        Assert.Equal(["1", "positive"], lines[1][..2]);
        Assert.Equal(["2", "unknown", "0.0000", "und", "empty"], lines[2]);
        Assert.Equal(["3", "negative"], lines[3][..2]);
        Assert.Equal("", errors.ToString());
    }

    [Fact]
    public void Tsv_lines_keep_their_ids_and_a_line_without_one_is_reported_and_skipped()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var input = string.Join('\n', Enumerable.Range(1, 1200).Select(i => i == 700 ? "no id here" : $"row-{i}\tThe clerk was patient and helpful ({i})."));

        var skipped = BatchScoring.Run(ShippedModel.Instance, new StringReader(input), output, errors, tsv: true, details: false);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1, skipped);
        Assert.Equal(1 + 1199, lines.Length);
        Assert.StartsWith("row-1\t", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("row-1200\t", lines[^1], StringComparison.Ordinal);
        Assert.Contains("line 700: expected \"id<TAB>text\"; skipped.", errors.ToString(), StringComparison.Ordinal);
    }
}
