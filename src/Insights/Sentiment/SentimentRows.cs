using Microsoft.ML.Data;

namespace Engagement.Insights.Sentiment;

/// <summary>What the sentiment model reads: the text, its word-list features, and (when training) the label.</summary>
internal sealed class SentimentRow
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";

    [VectorType(Sentiment.Lexicon.FeatureCount)]
    public float[] Lexicon { get; set; } = new float[Sentiment.Lexicon.FeatureCount];

    public static SentimentRow For(string text, string label = "") => For(text, Tokens.Words(text).ToList(), label);

    /// <summary>As above, for a caller that has split the text already.</summary>
    public static SentimentRow For(string text, IReadOnlyList<string> words, string label = "") =>
        new() { Text = text, Label = label, Lexicon = Sentiment.Lexicon.Shipped.Features(text, words) };
}

/// <summary>What the sentiment model answers: the label and one probability per class.</summary>
internal sealed class SentimentPrediction
{
    public string PredictedLabel { get; set; } = "";

    public float[] Score { get; set; } = [];
}

/// <summary>What the abuse model reads.</summary>
internal sealed class AbuseRow
{
    public string Text { get; set; } = "";

    public bool Label { get; set; }

    /// <summary>Training only: abusive texts are few, so each counts as much as the clean texts per abusive one.</summary>
    public float Weight { get; set; } = 1;

    [VectorType(Sentiment.Lexicon.FeatureCount)]
    public float[] Lexicon { get; set; } = new float[Sentiment.Lexicon.FeatureCount];

    public static AbuseRow For(string text, bool abusive = false) => For(text, Tokens.Words(text).ToList(), abusive);

    /// <summary>As above, for a caller that has split the text already.</summary>
    public static AbuseRow For(string text, IReadOnlyList<string> words, bool abusive = false) =>
        new() { Text = text, Label = abusive, Lexicon = Sentiment.Lexicon.Shipped.Features(text, words) };
}

/// <summary>What the abuse model answers.</summary>
internal sealed class AbusePrediction
{
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }
}
