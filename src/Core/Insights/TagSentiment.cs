using Engagement.Core.Common;

namespace Engagement.Core.Insights;

/// <summary>
/// Tags the next batch of public texts with their sentiment and saves the tags with the checkpoint. Returns the texts
/// tagged and the new checkpoint; run again until it tags nothing.
/// </summary>
/// <remarks>
/// Saving a batch twice (a crash after scoring, before saving) writes the same tags again, so a restart from the last
/// saved checkpoint is safe.
/// </remarks>
public sealed class TagSentiment(ISentimentFeed feed, ISentimentScorer scorer) : IUseCase
{
    public async Task<(int Tagged, long Checkpoint)> ExecuteAsync(long after, int max, CancellationToken ct = default)
    {
        var page = await feed.ListAfterAsync(after, max, ct);
        if (page.LastSequence == after)
            return (0, after);
        var scores = page.Texts.Count == 0 ? [] : scorer.ScoreMany([.. page.Texts.Select(t => t.Text)]);
        var tags = page.Texts.Select((t, i) => (t.Kind, t.TargetId, SentimentTag.Of(scores[i], scorer.ModelVersion))).ToList();
        await feed.SaveTagsAsync(tags, page.LastSequence, ct);
        return (tags.Count, page.LastSequence);
    }
}
