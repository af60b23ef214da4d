using System.Text;
using Engagement.Insights.Sentiment;

namespace Engagement.Insights.Themes;

/// <summary>
/// The words of one language's texts as theme terms: lower case and accent-folded (many people type French without
/// accents), French elisions and English possessives cut ("l'attente" → "attente", "city's" → "city"), numbers
/// dropped, and a plural or English past form merged into its base when the base is used too ("plows", "plowed" →
/// "plow"). Remembers how each term and each pair of terms is most often written, so a theme is named "déneigement"
/// and "snow removal", not "deneigement" and "snow remov".
/// </summary>
internal sealed class ThemeTerms
{
    // Only the start of a very long text is read: its topic shows there, and one pasted document must not slow a refresh.
    public const int AnalysedChars = 10_000;

    /// <summary>Stands where a number or punctuation broke the text; never a word, as words have no underscore.</summary>
    public const string Gap = "_";

    // A bigram is shown with the words between its two terms when that makes a short phrase ("collecte des ordures").
    private const int MaxWordsInPhrase = 4;

    private static readonly string[] Elisions = ["jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "qu'", "l'", "d'", "j'", "n'", "s'", "c'", "m'", "t'"];

    // Compounds kept whole although a part is a stop word; others with a stop-word part ("a-t-elle", "peut-être") are split.
    private static readonly HashSet<string> KeptWhole = new(["rendez-vous"], StringComparer.Ordinal);

    private readonly IReadOnlySet<string> _stopWords;
    private readonly Dictionary<string, string> _written;

    private ThemeTerms(IReadOnlyList<string[]> termsOfText, IReadOnlySet<string> stopWords, Dictionary<string, string> written)
    {
        TermsOfText = termsOfText;
        _stopWords = stopWords;
        _written = written;
    }

    /// <summary>
    /// Each text's terms in order, stop words included (the featuriser removes them) and <see cref="Gap"/> where a number
    /// or punctuation was, so that no bigram spans "Bus 42 was 25 minutes" or the end of a sentence.
    /// </summary>
    public IReadOnlyList<string[]> TermsOfText { get; }

    public bool IsContent(string term) => term != Gap && !_stopWords.Contains(term);

    public static ThemeTerms Read(IReadOnlyList<string> texts, IReadOnlySet<string> stopWords)
    {
        var words = texts.Select(text => Split(text, stopWords).ToList()).ToList();
        var vocabulary = new HashSet<string>(words.SelectMany(w => w.Select(x => x.Key)), StringComparer.Ordinal);
        var forms = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var terms = new List<string[]>(words.Count);
        foreach (var text in words)
        {
            var keys = text.Select(w => w.Key == Gap ? Gap : Base(w.Key, vocabulary, stopWords)).ToArray();
            terms.Add(keys);
            // Each word, and each pair of neighbouring content words as the featuriser pairs them, with the stop words
            // between them as written ("bac de recyclage").
            var previous = -1;
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] == Gap)
                {
                    previous = -1;
                    continue;
                }
                Count(forms, keys[i], text[i].Surface);
                if (stopWords.Contains(keys[i]))
                    continue;
                if (previous >= 0)
                    Count(forms, keys[previous] + " " + keys[i], i - previous <= MaxWordsInPhrase - 1
                        ? string.Join(' ', text.Skip(previous).Take(i - previous + 1).Select(w => w.Surface))
                        : text[previous].Surface + " " + text[i].Surface);
                previous = i;
            }
        }
        var written = forms.ToDictionary(
            f => f.Key,
            f => f.Value.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).First().Key,
            StringComparer.Ordinal);
        return new ThemeTerms(terms, stopWords, written);
    }

    /// <summary>How a term (a word key, or two separated by a space) is most often written in these texts.</summary>
    public string Written(string term) =>
        _written.TryGetValue(term, out var written) ? written : string.Join(' ', term.Split(' ').Select(w => _written.GetValueOrDefault(w, w)));

    private static void Count(Dictionary<string, Dictionary<string, int>> forms, string key, string surface)
    {
        if (!forms.TryGetValue(key, out var counts))
            forms[key] = counts = new Dictionary<string, int>(StringComparer.Ordinal);
        counts[surface] = counts.GetValueOrDefault(surface) + 1;
    }

    private static IEnumerable<(string Key, string Surface)> Split(string text, IReadOnlySet<string> stopWords)
    {
        foreach (var word in Words(text.Length > AnalysedChars ? text[..AnalysedChars] : text))
        {
            if (word is null || char.IsDigit(word[0]))
            {
                yield return (Gap, Gap);
                continue;
            }
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
            var whole = parts.Length == 1 || KeptWhole.Contains(word) || parts.All(p => p.Length >= 2 && !stopWords.Contains(Tokens.Fold(Strip(p))));
            foreach (var part in whole ? [word] : parts)
            {
                // One-letter words count only as the stop words they are ("à", "a"), kept to show phrases as written.
                var surface = Strip(part);
                if (surface.Length >= 2 || stopWords.Contains(Tokens.Fold(surface)))
                    yield return (Tokens.Fold(surface), surface);
            }
        }
    }

    /// <summary>
    /// Like <see cref="Tokens.Words"/>, but a hyphen between letters stays in the word ("week-end", "Saint-Jérôme"), and
    /// null marks punctuation, symbols and line breaks between words.
    /// </summary>
    private static IEnumerable<string?> Words(string text)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var between = sb.Length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(sb[^1]);
            if (char.IsLetterOrDigit(c))
                sb.Append(char.ToLowerInvariant(c));
            else if (c is '\'' or '’' && between)
                sb.Append('\'');
            else if (c is '-' or '‐' && between)
                sb.Append('-');
            else
            {
                if (sb.Length > 0)
                {
                    yield return sb.ToString();
                    sb.Clear();
                }
                if (!char.IsWhiteSpace(c) || c is '\n' or '\r')
                    yield return null;
            }
        }
        if (sb.Length > 0)
            yield return sb.ToString();
    }

    private static string Strip(string word)
    {
        foreach (var elision in Elisions)
            if (word.Length > elision.Length && word.StartsWith(elision, StringComparison.Ordinal))
                return word[elision.Length..];
        return word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
    }

    // Only into a base that these texts use and that is not a stop word. "-ing" is left alone: "parking" is not "park".
    private static string Base(string key, HashSet<string> vocabulary, IReadOnlySet<string> stopWords)
    {
        if (key.Length <= 3 || stopWords.Contains(key) || key.EndsWith("ss", StringComparison.Ordinal))
            return key;
        foreach (var candidate in Candidates(key))
            if (candidate.Length >= 3 && vocabulary.Contains(candidate) && !stopWords.Contains(candidate))
                return candidate;
        return key;
    }

    private static IEnumerable<string> Candidates(string key)
    {
        if (key.EndsWith("ies", StringComparison.Ordinal))
            yield return key[..^3] + "y";
        if (key[^1] is 's' or 'x')
            yield return key[..^1];
        if (key.EndsWith("es", StringComparison.Ordinal))
            yield return key[..^2];
        if (key.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return key[..^2];
            yield return key[..^1];
            // "stopped" → "stop".
            if (key.Length > 5 && key[^3] == key[^4])
                yield return key[..^3];
        }
    }
}
