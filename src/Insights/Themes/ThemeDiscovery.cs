using Engagement.Insights.Sentiment;

namespace Engagement.Insights.Themes;

/// <summary>
/// Finds the themes of an organisation's texts: each language's texts are clustered on their own (ML.NET TF-IDF word
/// and bigram features, k-means), each theme is named by the terms most distinctive of it, every text lands in exactly
/// one theme, and texts with nothing to cluster on go to one "other" / "autres" theme per language. The same texts
/// always give the same themes, ids included.
/// </summary>
internal static class ThemeDiscovery
{
    public const int MaxThemesPerLanguage = 12;
    public const int TermsPerTheme = 5;
    public const int QuotesPerTheme = 3;
    public const int Seed = 20_240_601;

    // Quotes of this many characters read well in a list; shorter or longer ones are used only when nothing else is left.
    private const int ReadableFrom = 30;
    private const int ReadableUpTo = 300;
    // Quotes sharing this share of their words (Jaccard) are one quote.
    private const double NearDuplicate = 0.8;
    // Enough texts to expect shared words; below this a word used once still counts.
    private const int SharedTermsFrom = 8;

    /// <summary>The name of the catch-all theme of a language: "autres" in French, "other" otherwise.</summary>
    public static string OtherName(string language) => language == TextLanguage.French ? "autres" : "other";

    /// <summary>Whether the theme is its language's catch-all for texts with nothing to group them by.</summary>
    public static bool IsOther(Theme theme) => theme.Id == ThemeIds.Other(theme.Language);

    /// <summary>
    /// Sorts <paramref name="texts"/> into themes. A text whose language is neither "en" nor "fr" is detected from its
    /// words (and read as English when it cannot be told). When a TextId repeats, the first text with it is kept and the
    /// others are ignored, as is an input without a TextId (there is nothing to file it under); empty, null or enormous
    /// texts are fine (only the first <see cref="ThemeTerms.AnalysedChars"/> characters are read). Never throws. With
    /// <paramref name="previous"/>, a theme that keeps most of its texts (or, failing that, three of its five top terms)
    /// keeps its id.
    /// </summary>
    /// <param name="themesPerLanguage">
    /// How many themes each language's texts make, besides its catch-all (fewer when fewer texts differ); chosen from the
    /// number of texts when null.
    /// </param>
    public static ThemeSet Discover(IReadOnlyList<ThemeInput> texts, ThemeSet? previous = null, int? themesPerLanguage = null)
    {
        var drafts = new List<ThemeDraft>();
        foreach (var (language, items) in ByLanguage(texts))
            drafts.AddRange(Themes(language, items, themesPerLanguage));
        return ThemeIds.Assign(drafts, previous);
    }

    private static SortedDictionary<string, List<ThemeInput>> ByLanguage(IReadOnlyList<ThemeInput>? texts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byLanguage = new SortedDictionary<string, List<ThemeInput>>(StringComparer.Ordinal);
        foreach (var input in texts ?? [])
        {
            if (input?.TextId is null || !seen.Add(input.TextId))
                continue;
            var text = input.Text ?? "";
            var language = LanguageOf(input.Language, text);
            if (!byLanguage.TryGetValue(language, out var list))
                byLanguage[language] = list = [];
            list.Add(input with { Text = text, Language = language });
        }
        // Input order must not matter: the same texts in any order make the same themes.
        foreach (var list in byLanguage.Values)
            list.Sort((a, b) => string.CompareOrdinal(a.TextId, b.TextId));
        return byLanguage;
    }

    private static string LanguageOf(string? given, string text)
    {
        var language = given?.Trim().ToLowerInvariant();
        if (language is TextLanguage.English or TextLanguage.French)
            return language;
        var head = text.Length > ThemeTerms.AnalysedChars ? text[..ThemeTerms.AnalysedChars] : text;
        return TextLanguage.Detect(Tokens.Words(head).ToList(), head) == TextLanguage.French ? TextLanguage.French : TextLanguage.English;
    }

    private static IEnumerable<ThemeDraft> Themes(string language, List<ThemeInput> items, int? themes)
    {
        var stopWords = ThemeStopWords.For(language);
        var terms = ThemeTerms.Read(items.Select(i => i.Text).ToList(), stopWords);
        var content = Enumerable.Range(0, items.Count).Where(i => terms.TermsOfText[i].Any(terms.IsContent)).ToList();
        var other = Enumerable.Range(0, items.Count).Except(content).ToList();

        if (content.Count > 0)
        {
            var shared = content.Count >= SharedTermsFrom && content
                .SelectMany(i => terms.TermsOfText[i].Where(terms.IsContent).Distinct())
                .CountBy(t => t).Any(c => c.Value >= 2);
            var vectors = ThemeVectors.Build(content.Select(i => terms.TermsOfText[i]).ToList(), stopWords, minTexts: shared ? 2 : 1);
            // A text whose every word no other text uses has nothing to be grouped by: it goes with the catch-all.
            var placed = Enumerable.Range(0, content.Count).Where(i => !vectors.Rows[i].IsEmpty).ToList();
            other.AddRange(Enumerable.Range(0, content.Count).Where(i => vectors.Rows[i].IsEmpty).Select(i => content[i]));
            if (placed.Count > 0)
            {
                var clustered = vectors.Only(placed);
                var labels = ThemeClustering.Cluster(clustered, themes);
                foreach (var members in Enumerable.Range(0, placed.Count).GroupBy(i => labels[i]).Select(g => g.ToList()))
                    yield return Draft(language, terms, clustered, members, members.Select(i => content[placed[i]]).ToList(), items);
            }
        }
        if (other.Count > 0)
        {
            var members = other.Order().Select(i => items[i]).ToList();
            yield return new ThemeDraft(language, IsOther: true, [OtherName(language)], members, Quotes(members.Select(m => (m, 0, 0.0))));
        }
    }

    /// <param name="members">The theme's rows in <paramref name="vectors"/>.</param>
    /// <param name="texts">The same texts' indices in <paramref name="items"/> and <see cref="ThemeTerms.TermsOfText"/>.</param>
    private static ThemeDraft Draft(string language, ThemeTerms terms, ThemeVectors vectors, List<int> members, List<int> texts, List<ThemeInput> items)
    {
        var dimension = vectors.Dimension;
        var inside = new double[dimension];
        var textsWith = new int[dimension];
        foreach (var row in members.Select(i => vectors.Rows[i]))
            for (var j = 0; j < row.Indices.Length; j++)
            {
                inside[row.Indices[j]] += row.Values[j];
                textsWith[row.Indices[j]]++;
            }
        var total = vectors.Totals;
        var outside = vectors.Rows.Count - members.Count;
        // Distinctiveness: how much more the theme's texts use a term than the language's other texts do.
        double Score(int slot) => inside[slot] / members.Count - (outside > 0 ? (total[slot] - inside[slot]) / outside : 0);
        var needed = members.Count >= 4 ? 2 : 1;
        var ranked = Enumerable.Range(0, dimension).Where(s => inside[s] > 0)
            .OrderBy(s => textsWith[s] >= needed ? 0 : 1)
            .ThenByDescending(Score)
            .ThenBy(s => vectors.Terms[s], StringComparer.Ordinal);
        var top = TopTerms(ranked.Select(s => (vectors.Terms[s], textsWith[s])));

        // A good quote shows what the name says: it uses many of the top terms' words and sits near the theme's centre.
        var topWords = top.SelectMany(t => t.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var centroid = inside.Select(x => x / members.Count).ToArray();
        var length = Math.Sqrt(centroid.Sum(x => x * x));
        var quoted = members.Select((row, i) => (
            items[texts[i]],
            terms.TermsOfText[texts[i]].Where(topWords.Contains).Distinct().Count(),
            length > 0 ? 1 - vectors.Rows[row].Dot(centroid) / length : 1));
        var inputs = texts.Select(i => items[i]).OrderBy(i => i.TextId, StringComparer.Ordinal).ToList();
        return new ThemeDraft(language, IsOther: false, top.ConvertAll(terms.Written), inputs, Quotes(quoted));
    }

    /// <summary>
    /// The first terms of the ranking with no word shown twice: a bigram takes the place of the chosen words it contains
    /// ("snow removal" over "snow") when it is used by at least half as many texts as each of them, and is skipped otherwise.
    /// </summary>
    private static List<string> TopTerms(IEnumerable<(string Term, int Texts)> ranked)
    {
        var top = new List<(string Term, string[] Words, int Texts)>();
        foreach (var (term, texts) in ranked)
        {
            var words = term.Split(' ');
            if (words.Length == 1)
            {
                if (!top.Any(t => t.Words.Contains(term)))
                    top.Add((term, words, texts));
            }
            else if (words[0] != words[1] && !top.Any(t => t.Words.Length == 2 && t.Words.Intersect(words).Any()))
            {
                var covered = top.Where(t => words.Contains(t.Term)).ToList();
                if (covered.Count == 0)
                    top.Add((term, words, texts));
                else if (covered.All(t => 2 * texts >= t.Texts))
                {
                    top[top.IndexOf(covered[0])] = (term, words, texts);
                    top.RemoveAll(t => covered.Skip(1).Contains(t));
                }
            }
            if (top.Count == TermsPerTheme)
                break;
        }
        return top.ConvertAll(t => t.Term);
    }

    /// <summary>
    /// Up to three different texts: readable lengths first, then those using most top terms, then the closest to the
    /// centre. A text with nearly the same words as one already quoted (a copy with a word added) is not quoted again.
    /// </summary>
    private static List<ThemeQuote> Quotes(IEnumerable<(ThemeInput Input, int TopTerms, double Distance)> members)
    {
        var quotes = new List<ThemeQuote>();
        var quotedWords = new List<HashSet<string>>();
        foreach (var (input, _, _) in members
            .OrderBy(m => Readable(m.Input.Text) ? 0 : 1)
            .ThenByDescending(m => m.TopTerms)
            .ThenBy(m => m.Distance)
            .ThenBy(m => m.Input.TextId, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(input.Text))
                continue;
            var head = input.Text.Length > ThemeTerms.AnalysedChars ? input.Text[..ThemeTerms.AnalysedChars] : input.Text;
            var words = Tokens.Words(head).ToHashSet(StringComparer.Ordinal);
            if (words.Count == 0)
                words.Add(input.Text.Trim());
            if (quotedWords.Any(q => Similar(q, words)))
                continue;
            quotes.Add(new ThemeQuote(input.TextId, input.Text));
            quotedWords.Add(words);
            if (quotes.Count == QuotesPerTheme)
                break;
        }
        return quotes;
    }

    private static bool Similar(HashSet<string> a, HashSet<string> b)
    {
        var shared = a.Count(b.Contains);
        return shared >= NearDuplicate * (a.Count + b.Count - shared);
    }

    private static bool Readable(string text) => text.Trim().Length is >= ReadableFrom and <= ReadableUpTo;
}

/// <summary>A theme before it has an id: its language, top terms, member texts (by TextId) and quotes.</summary>
internal sealed record ThemeDraft(string Language, bool IsOther, IReadOnlyList<string> TopTerms, IReadOnlyList<ThemeInput> Members, IReadOnlyList<ThemeQuote> Quotes);
