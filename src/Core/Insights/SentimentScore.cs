namespace Engagement.Core.Insights;

/// <summary>What a text says about the service, as the sentiment model reads it.</summary>
public enum SentimentLabel
{
    Negative,
    Neutral,
    Positive,

    /// <summary>No reading: the text is empty or in a language the model does not know.</summary>
    Unknown,
}

/// <summary>Why a score is not the model's plain reading of the whole text.</summary>
public enum SentimentNote
{
    None,

    /// <summary>Nothing to read (empty or only spaces and punctuation): <see cref="SentimentLabel.Unknown"/>.</summary>
    Empty,

    /// <summary>Neither English nor French: <see cref="SentimentLabel.Unknown"/> rather than a guess.</summary>
    UnsupportedLanguage,

    /// <summary>Longer than the model reads; only the beginning was scored.</summary>
    Truncated,

    /// <summary>Only emoji or emoticons, read from their own list rather than by the model.</summary>
    EmojiOnly,
}

/// <summary>
/// A text's sentiment: the label, the probability the model gives it, the three class probabilities (all zero for
/// <see cref="SentimentLabel.Unknown"/>), the language it was read in ("en", "fr", or "und" when none), and a note.
/// </summary>
public sealed record SentimentScore(
    SentimentLabel Label, float Probability, float Negative, float Neutral, float Positive, string Language, SentimentNote Note)
{
    public static SentimentScore Unknown(SentimentNote note, string language = "und") => new(SentimentLabel.Unknown, 0, 0, 0, 0, language, note);
}

/// <summary>
/// Reads the sentiment of texts. Safe to call from many threads at once; CPU-bound, so synchronous. Never throws on
/// any string: empty, foreign, very long and emoji-only texts have defined outcomes (<see cref="SentimentNote"/>).
/// </summary>
public interface ISentimentScorer
{
    /// <summary>The version of the loaded model, stored with each score so a retrained model's scores can be told apart.</summary>
    string ModelVersion { get; }

    SentimentScore Score(string text);

    /// <summary>The scores of many texts, in order, in one pass through the model (faster per text than one by one).</summary>
    IReadOnlyList<SentimentScore> ScoreMany(IReadOnlyList<string> texts);
}
