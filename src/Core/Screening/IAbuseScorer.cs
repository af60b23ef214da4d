namespace Engagement.Core.Screening;

/// <summary>
/// Scores how abusive or toxic a text reads, from 0 (not at all) to 1; Insights provides it from its model, and
/// moderation's abuse step reads it. An implementation returns null when it cannot judge (a language it does not know,
/// an empty text) and may throw when the model is unavailable: the step records that and carries on, so a model
/// outage never holds every text.
/// </summary>
public interface IAbuseScorer
{
    ValueTask<double?> ScoreAsync(string text, string language, CancellationToken ct);
}
