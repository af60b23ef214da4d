namespace Engagement.Core.Insights;

/// <summary>A text's sentiment as stored with it: the model's reading and the version of the model that gave it.</summary>
public sealed record SentimentTag(
    SentimentLabel Label, float Probability, float Negative, float Neutral, float Positive, string Language, SentimentNote Note, string ModelVersion)
{
    public static SentimentTag Of(SentimentScore score, string modelVersion) =>
        new(score.Label, score.Probability, score.Negative, score.Neutral, score.Positive, score.Language, score.Note, modelVersion);
}
