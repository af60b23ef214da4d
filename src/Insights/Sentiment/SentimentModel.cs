using System.Collections.Concurrent;
using System.Security.Cryptography;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Engagement.Insights.Sentiment;

/// <summary>
/// The trained sentiment and abuse models, loaded once, scoring from any number of threads: prediction engines are not
/// thread-safe, so each call borrows one from a pool. Texts the model should not read get their defined outcome first
/// (<see cref="SentimentNote"/>).
/// </summary>
internal sealed class SentimentModel : ISentimentScorer, IAbuseScorer
{
    /// <summary>Longer texts are scored on their beginning (and say so): the model learnt from texts far shorter.</summary>
    public const int MaxScoredChars = 5_000;

    private readonly MLContext _ml = new(seed: 0);
    private readonly ITransformer _sentiment;
    private readonly ITransformer? _abuse;
    private readonly SentimentLabel[] _classes;
    private readonly ConcurrentBag<PredictionEngine<SentimentRow, SentimentPrediction>> _engines = [];
    private readonly ConcurrentBag<PredictionEngine<AbuseRow, AbusePrediction>> _abuseEngines = [];

    public SentimentModel(Stream sentiment, Stream? abuse)
    {
        var bytes = ReadAll(sentiment);
        ModelVersion = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
        _sentiment = _ml.Model.Load(new MemoryStream(bytes), out var inputSchema);
        _abuse = abuse is null ? null : _ml.Model.Load(new MemoryStream(ReadAll(abuse)), out _);
        _classes = ClassesOf(_sentiment.GetOutputSchema(inputSchema));
    }

    /// <summary>The models embedded in this assembly (Model/sentiment.zip and Model/abuse.zip).</summary>
    public static SentimentModel LoadShipped()
    {
        var assembly = typeof(SentimentModel).Assembly;
        using var sentiment = assembly.GetManifestResourceStream("Engagement.Insights.Model.sentiment.zip")
            ?? throw new InvalidOperationException("The sentiment model is not embedded; run `dotnet run --project src/Insights.Cli -- train`.");
        using var abuse = assembly.GetManifestResourceStream("Engagement.Insights.Model.abuse.zip");
        return new SentimentModel(sentiment, abuse);
    }

    public string ModelVersion { get; }

    public SentimentScore Score(string text)
    {
        var prepared = Prepare(text);
        if (prepared.Outcome is { } outcome)
            return outcome;
        var engine = _engines.TryTake(out var pooled) ? pooled : _ml.Model.CreatePredictionEngine<SentimentRow, SentimentPrediction>(_sentiment);
        try
        {
            return ToScore(engine.Predict(SentimentRow.For(prepared.Text, prepared.Words)), prepared);
        }
        finally
        {
            _engines.Add(engine);
        }
    }

    /// <remarks>
    /// One pooled engine reads the whole batch. A batch through the model's Transform costs about 1 ms of setup per call
    /// and then no less per text than an engine does (docs/performance.md), so it would only slow small batches down.
    /// </remarks>
    public IReadOnlyList<SentimentScore> ScoreMany(IReadOnlyList<string> texts)
    {
        var scores = new SentimentScore[texts.Count];
        var engine = _engines.TryTake(out var pooled) ? pooled : _ml.Model.CreatePredictionEngine<SentimentRow, SentimentPrediction>(_sentiment);
        try
        {
            for (var i = 0; i < texts.Count; i++)
            {
                var prepared = Prepare(texts[i]);
                scores[i] = prepared.Outcome ?? ToScore(engine.Predict(SentimentRow.For(prepared.Text, prepared.Words)), prepared);
            }
        }
        finally
        {
            _engines.Add(engine);
        }
        return scores;
    }

    public ValueTask<double?> ScoreAsync(string text, string language, CancellationToken ct)
    {
        if (_abuse is null)
            return ValueTask.FromResult<double?>(null);
        var prepared = Prepare(text);
        if (prepared.Outcome is not null)
            return ValueTask.FromResult<double?>(null);
        var engine = _abuseEngines.TryTake(out var pooled) ? pooled : _ml.Model.CreatePredictionEngine<AbuseRow, AbusePrediction>(_abuse);
        try
        {
            return ValueTask.FromResult<double?>(engine.Predict(AbuseRow.For(prepared.Text, prepared.Words)).Probability);
        }
        finally
        {
            _abuseEngines.Add(engine);
        }
    }

    /// <summary>The text the model will read and its words (split once, for language and features alike), its language and note; or, for texts it should not read, the outcome.</summary>
    private readonly record struct Prepared(string Text, IReadOnlyList<string> Words, string Language, SentimentNote Note, SentimentScore? Outcome);

    private static Prepared Prepare(string? text)
    {
        text ??= "";
        var note = SentimentNote.None;
        if (text.Length > MaxScoredChars)
        {
            // Never cut a surrogate pair in two.
            var cut = char.IsHighSurrogate(text[MaxScoredChars - 1]) ? MaxScoredChars - 1 : MaxScoredChars;
            text = text[..cut];
            note = SentimentNote.Truncated;
        }
        var lexicon = Lexicon.Shipped;
        if (!lexicon.WithoutEmoji(text).Any(char.IsLetterOrDigit))
        {
            var symbols = text.Any(c => char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherSymbol);
            return symbols || lexicon.EmojiWeight(text) != 0
                ? new Prepared(text, [], TextLanguage.Undetermined, SentimentNote.EmojiOnly, FromEmoji(lexicon.EmojiWeight(text)))
                : new Prepared(text, [], TextLanguage.Undetermined, SentimentNote.Empty, SentimentScore.Unknown(SentimentNote.Empty));
        }
        var words = Tokens.Words(text).ToList();
        var language = TextLanguage.Detect(words, text);
        return language is null
            ? new Prepared(text, words, TextLanguage.Undetermined, SentimentNote.UnsupportedLanguage, SentimentScore.Unknown(SentimentNote.UnsupportedLanguage))
            : new Prepared(text, words, language, note, null);
    }

    // Emoji say little, and say it plainly: the list's summed weight decides, with a modest probability.
    private static SentimentScore FromEmoji(int weight)
    {
        var label = weight > 0 ? SentimentLabel.Positive : weight < 0 ? SentimentLabel.Negative : SentimentLabel.Neutral;
        var p = weight == 0 ? 0.5f : Math.Min(0.9f, 0.6f + 0.1f * Math.Abs(weight));
        var rest = (1 - p) / 2;
        return new SentimentScore(label, p,
            label == SentimentLabel.Negative ? p : rest, label == SentimentLabel.Neutral ? p : rest, label == SentimentLabel.Positive ? p : rest,
            TextLanguage.Undetermined, SentimentNote.EmojiOnly);
    }

    private SentimentScore ToScore(SentimentPrediction prediction, Prepared prepared)
    {
        float negative = 0, neutral = 0, positive = 0;
        for (var i = 0; i < _classes.Length && i < prediction.Score.Length; i++)
        {
            switch (_classes[i])
            {
                case SentimentLabel.Negative: negative = prediction.Score[i]; break;
                case SentimentLabel.Neutral: neutral = prediction.Score[i]; break;
                case SentimentLabel.Positive: positive = prediction.Score[i]; break;
            }
        }
        var label = Parse(prediction.PredictedLabel);
        var probability = label switch { SentimentLabel.Negative => negative, SentimentLabel.Neutral => neutral, _ => positive };
        return new SentimentScore(label, probability, negative, neutral, positive, prepared.Language, prepared.Note);
    }

    // The order of the Score vector is the order of the label's key values, read from the model rather than assumed.
    private static SentimentLabel[] ClassesOf(DataViewSchema output)
    {
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        output["Score"].GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => Parse(n.ToString()))];
    }

    private static SentimentLabel Parse(string label) => label switch
    {
        "negative" => SentimentLabel.Negative,
        "neutral" => SentimentLabel.Neutral,
        "positive" => SentimentLabel.Positive,
        _ => throw new InvalidOperationException($"The sentiment model answered an unknown label '{label}'."),
    };

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
