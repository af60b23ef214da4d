using System.Globalization;
using System.Text;

namespace Engagement.Insights.Sentiment;

/// <summary>
/// The project's own word lists (Sentiment/Lexicon: English, French, emoji), written independently of the corpus, and
/// the numeric features the model reads from them beside the words themselves: what is said for and against, what a
/// negation flips, and what follows the last "but".
/// </summary>
internal sealed class Lexicon
{
    /// <summary>Length of <see cref="Features"/>.</summary>
    public const int FeatureCount = 10;

    // A negator flips the sentiment words within this many words after it ("not very helpful", "n'est pas du tout efficace").
    private const int NegationWindow = 3;

    private static readonly HashSet<string> ContrastWords = new(["but", "however", "although", "though", "yet", "mais", "pourtant", "cependant", "sauf", "toutefois", "par contre", "néanmoins", "neanmoins"], StringComparer.Ordinal);

    private readonly Dictionary<string, int> _weights = new(StringComparer.Ordinal);
    private readonly HashSet<string> _negators = new(StringComparer.Ordinal);
    private readonly HashSet<string> _intensifiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _emoji = new(StringComparer.Ordinal);

    public static Lexicon Shipped { get; } = Load();

    /// <summary>Every emoji and emoticon listed, longest first so ":-)" is matched before ":)".</summary>
    public IReadOnlyList<KeyValuePair<string, int>> Emoji { get; private set; } = [];

    public bool Knows(string word) => _weights.ContainsKey(word) || _weights.ContainsKey(Tokens.Fold(word));

    /// <summary>
    /// Positive weight, negative weight, negated positive, negated negative, intensified weight, exclamation marks,
    /// question marks, emoji weight, whether a contrast word appears, and the balance after the last one.
    /// </summary>
    public float[] Features(string text, IReadOnlyList<string> words)
    {
        var f = new float[FeatureCount];
        var sinceNegator = int.MaxValue;
        var intensify = false;
        float afterContrast = 0;
        foreach (var word in words)
        {
            if (ContrastWords.Contains(word))
            {
                f[8] = 1;
                afterContrast = 0;
                sinceNegator = int.MaxValue;
                continue;
            }
            if (_negators.Contains(word) || word.StartsWith("n'", StringComparison.Ordinal) || word.EndsWith("n't", StringComparison.Ordinal))
            {
                sinceNegator = 0;
                continue;
            }
            if (_intensifiers.Contains(word))
            {
                intensify = true;
                continue;
            }
            sinceNegator = sinceNegator == int.MaxValue ? sinceNegator : sinceNegator + 1;
            if (!_weights.TryGetValue(word, out var weight) && !_weights.TryGetValue(Tokens.Fold(word), out weight))
            {
                intensify = false;
                continue;
            }
            var negated = sinceNegator <= NegationWindow;
            if (negated)
                f[weight > 0 ? 2 : 3] += Math.Abs(weight);
            else
                f[weight > 0 ? 0 : 1] += Math.Abs(weight);
            if (intensify)
                f[4] += negated ? -weight : weight;
            afterContrast += negated ? -weight / 2f : weight;
            intensify = false;
        }
        f[5] = Math.Min(5, text.Count(c => c == '!'));
        f[6] = Math.Min(3, text.Count(c => c == '?'));
        f[7] = EmojiWeight(text);
        f[9] = f[8] > 0 ? afterContrast : 0;
        return f;
    }

    /// <summary>The summed weight of the emoji and emoticons in the text; longest first, each character counted once (">:(" is not also ":(").</summary>
    public int EmojiWeight(string text)
    {
        var total = 0;
        foreach (var (symbol, weight) in Emoji)
        {
            if (!text.Contains(symbol, StringComparison.Ordinal))
                continue;
            var parts = text.Split(symbol);
            total += weight * (parts.Length - 1);
            text = string.Join(' ', parts);
        }
        return total;
    }

    /// <summary>The text with every listed emoji and emoticon removed (to tell whether anything else is there).</summary>
    public string WithoutEmoji(string text)
    {
        foreach (var (symbol, _) in Emoji)
            text = text.Replace(symbol, " ", StringComparison.Ordinal);
        return text;
    }

    private static Lexicon Load()
    {
        var lexicon = new Lexicon();
        foreach (var language in new[] { "en", "fr" })
        {
            foreach (var (term, value) in Read(language))
            {
                if (value == "NEG")
                    lexicon._negators.Add(term);
                else if (value == "INT")
                    lexicon._intensifiers.Add(term);
                else
                    lexicon._weights[term] = int.Parse(value, CultureInfo.InvariantCulture);
            }
        }
        foreach (var (term, value) in Read("emoji", lowerCase: false))
            lexicon._emoji[term] = int.Parse(value, CultureInfo.InvariantCulture);
        lexicon.Emoji = [.. lexicon._emoji.OrderByDescending(e => e.Key.Length)];
        return lexicon;
    }

    private static IEnumerable<(string Term, string Value)> Read(string name, bool lowerCase = true)
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream($"Engagement.Insights.Lexicon.{name}.tsv")
            ?? throw new InvalidOperationException($"The {name} word list is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split('\t');
            if (fields.Length == 2 && fields[0].Length > 0)
                lines.Add((lowerCase ? fields[0].Trim().ToLowerInvariant() : fields[0].Trim(), fields[1].Trim()));
        }
        return lines;
    }
}
