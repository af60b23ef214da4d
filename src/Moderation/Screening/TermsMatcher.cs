using System.Buffers;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>
/// An organisation's term lists compiled for matching, once per <see cref="ScreeningTerms"/> instance (the term source
/// keeps handing out the same instance until the lists change). Terms match whole folded words only, so a blocked
/// "cunt" never flags Scunthorpe and "con" never flags "concombre"; a term of several words matches the same words in a
/// row, whatever separates them ("trou du cul", "trou-du-cul"). Within a word it sees through the usual disguises:
/// folding (case, accents, look-alike letters, leetspeak — see <see cref="TextFolding"/>), a 1 that stood for an l
/// ("he11"), masked letters ("f*ck", "f**k", "f*u*c*k" — at most half the word masked, first and last letter shown),
/// stretched letters ("fuuuuck": a letter repeated three times or more where the term has fewer; "cull" is not "cul"),
/// a word spelled out in single letters ("f u c k", "f.u.c.k", "f-u-c-k"), and an s-plural of a term of four letters
/// or more ("connards" for "connard"; "cons" is not "con").
/// </summary>
internal sealed class TermsMatcher
{
    private const int MaxWordsPerTerm = 12;
    private const int MinSpelledLetters = 3;
    private const int MinSpelledSubstring = 4; // a shorter term inside a longer spelled-out run ("a s s e t") is not trusted
    private const int MaxSpelledGap = 3;
    private const int MinPluralLength = 5;
    private const string SpelledSeparators = " .-/|~+·•\\";

    /// <summary>
    /// Ordinary phrases that contain a word often listed on its own: the words of such a phrase are not matched
    /// ("cul-de-sac" is a street, not an insult).
    /// </summary>
    private static readonly string[][] InnocentPhrases =
    [
        ["cul", "de", "sac"],
        ["culs", "de", "sac"],
    ];

    private static readonly ConditionalWeakTable<ScreeningTerms, TermsMatcher> Cache = new();

    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly string[] _wordTexts;
    private readonly FrozenDictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _stretched;
    private readonly FrozenDictionary<long, int[]> _masked;
    private readonly Node _root = new();
    private readonly string[][] _innocent;
    private readonly int _maxWordLength;

    private TermsMatcher(ScreeningTerms terms)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        Add(terms.Blocked, ReasonSeverity.Reject, words);
        Add(terms.Suspect, ReasonSeverity.Hold, words);

        _wordTexts = new string[words.Count];
        foreach (var (word, id) in words)
            _wordTexts[id] = word;
        _words = words.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _maxWordLength = _wordTexts.Length == 0 ? 0 : _wordTexts.Max(w => w.Length);

        _stretched = _wordTexts
            .Select((word, id) => (Key: Squeeze(word), Id: id))
            .GroupBy(x => x.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Id).ToArray(), StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _masked = _wordTexts
            .Select((word, id) => (Word: word, Id: id))
            .Where(x => x.Word.Length >= 3)
            .GroupBy(x => MaskKey(x.Word.Length, x.Word[0], x.Word[^1]))
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Id).ToArray());
        _innocent = InnocentPhrases.Where(phrase => phrase.Any(words.ContainsKey)).ToArray();
    }

    /// <summary>A term found in a text: the list entry as the admin wrote it, and the severity of its list.</summary>
    internal sealed record Term(string Entry, ReasonSeverity Severity);

    /// <summary>True when the lists hold nothing to match.</summary>
    public bool IsEmpty => _root.Next is null;

    /// <summary>The compiled lists, shared by every text screened against the same <see cref="ScreeningTerms"/> instance.</summary>
    public static TermsMatcher For(ScreeningTerms terms) => Cache.GetValue(terms, static t => new TermsMatcher(t));

    /// <summary>Each term the text contains, once, in the order first found.</summary>
    public IReadOnlyList<Term> Find(FoldedText text)
    {
        var found = new List<Term>();
        if (IsEmpty)
            return found;
        var words = text.Words;
        var innocent = InnocentWords(text);

        // Every term word each text word can be read as; in word order.
        var matches = new List<(int Word, int Id)>();
        var ids = new List<int>(4);
        for (var w = 0; w < words.Count; w++)
        {
            if (innocent?[w] == true)
                continue;
            ids.Clear();
            MatchTextWord(text, words[w], ids);
            foreach (var id in ids)
                matches.Add((w, id));
        }

        for (var m = 0; m < matches.Count; m++)
        {
            if (_root.Next!.TryGetValue(matches[m].Id, out var node))
                Walk(node, matches, m, found);
        }

        MatchSpelledOut(text, words, found);
        return found;
    }

    private static void Walk(Node node, List<(int Word, int Id)> matches, int at, List<Term> found)
    {
        if (node.Term is { } term && !found.Contains(term))
            found.Add(term);
        if (node.Next is null)
            return;
        var nextWord = matches[at].Word + 1;
        var m = at + 1;
        while (m < matches.Count && matches[m].Word < nextWord)
            m++;
        for (; m < matches.Count && matches[m].Word == nextWord; m++)
        {
            if (node.Next.TryGetValue(matches[m].Id, out var child))
                Walk(child, matches, m, found);
        }
    }

    private void MatchTextWord(FoldedText text, FoldedWord word, List<int> ids)
    {
        var span = text.Text.AsSpan(word.Start, word.Length);
        MatchWord(span, ids);
        if (!text.HasAmbiguousLetter(word.Start, word.Length))
            return;
        // A 1 folded to i; read it as an l as well ("he11", "ki11").
        var buffer = span.Length <= 256 ? stackalloc char[span.Length] : new char[span.Length];
        span.CopyTo(buffer);
        for (var i = 0; i < buffer.Length; i++)
        {
            if (text.IsAmbiguousLetter(word.Start + i))
                buffer[i] = 'l';
        }
        MatchWord(buffer, ids);
    }

    /// <summary>The term words one word of text can be read as: exactly, with masked letters, or stretched.</summary>
    private void MatchWord(ReadOnlySpan<char> word, List<int> ids)
    {
        if (word.Length <= _maxWordLength && _words.TryGetValue(word, out var exact))
            AddOnce(ids, exact);
        // A plural of a term of four letters or more ("connards", "idiots"); shorter terms have too many innocent plurals ("cons").
        if (word.Length >= MinPluralLength && word.Length <= _maxWordLength + 1 && word[^1] == 's' && _words.TryGetValue(word[..^1], out var singular))
            AddOnce(ids, singular);

        var masks = CountMasks(word);
        if (masks > 0)
        {
            MatchMasked(word, masks, ids);
            return;
        }
        MatchStretched(word, ids);
    }

    private void MatchMasked(ReadOnlySpan<char> word, int masks, List<int> ids)
    {
        // A letter between every mask ("f*u*c*k") spells the word out.
        if (word.Length >= 5 && word.Length % 2 == 1 && masks == word.Length / 2 && IsAlternating(word))
        {
            Span<char> letters = stackalloc char[Math.Min(word.Length / 2 + 1, 256)];
            if (word.Length / 2 + 1 <= letters.Length)
            {
                for (var i = 0; i < letters.Length; i++)
                    letters[i] = word[i * 2];
                if (_words.TryGetValue(letters, out var id))
                    AddOnce(ids, id);
                MatchStretched(letters, ids);
            }
            return;
        }
        // Masked letters: same length, first and last letter shown, at most half the word masked, the rest matching.
        if (masks * 2 > word.Length || !_masked.TryGetValue(MaskKey(word.Length, word[0], word[^1]), out var candidates))
            return;
        foreach (var id in candidates)
        {
            var term = _wordTexts[id];
            var fits = true;
            for (var i = 0; i < word.Length && fits; i++)
                fits = TextFolding.IsMask(word[i]) || word[i] == term[i];
            if (fits)
                AddOnce(ids, id);
        }
    }

    private void MatchStretched(ReadOnlySpan<char> word, List<int> ids)
    {
        if (!HasRunOfThree(word))
            return;
        char[]? rented = null;
        var squeezed = word.Length <= 256 ? stackalloc char[word.Length] : (rented = ArrayPool<char>.Shared.Rent(word.Length));
        try
        {
            var length = Squeeze(word, squeezed);
            if (length > _maxWordLength || !_stretched.TryGetValue(squeezed[..length], out var candidates))
                return;
            foreach (var id in candidates)
            {
                if (IsStretchOf(word, _wordTexts[id]))
                    AddOnce(ids, id);
            }
        }
        finally
        {
            if (rented is not null)
                ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Words spelled out one character at a time ("f u c k", "f.u.c.k", "s h 1 t"): the whole run, or a run of at least
    /// <see cref="MinSpelledSubstring"/> letters inside it, read as one word against the single-word terms.
    /// </summary>
    private void MatchSpelledOut(FoldedText text, IReadOnlyList<FoldedWord> words, List<Term> found)
    {
        var ids = new List<int>(4);
        var w = 0;
        while (w < words.Count)
        {
            if (words[w].Length != 1)
            {
                w++;
                continue;
            }
            var start = w;
            while (w + 1 < words.Count && words[w + 1].Length == 1 && IsSpellingGap(text.Text.AsSpan(words[w].End, words[w + 1].Start - words[w].End)))
                w++;
            var count = w - start + 1;
            w++;
            if (count < MinSpelledLetters)
                continue;

            var letters = new char[count];
            var hasLetter = false;
            for (var i = 0; i < count; i++)
            {
                letters[i] = text.Text[words[start + i].Start];
                hasLetter |= char.IsLetter(letters[i]);
            }
            if (!hasLetter)
                continue;
            foreach (var variant in SpelledVariants(letters))
            {
                ids.Clear();
                MatchWord(variant, ids);
                for (var from = 0; from < variant.Length; from++)
                {
                    for (var length = MinSpelledSubstring; length <= _maxWordLength && from + length <= variant.Length; length++)
                    {
                        if (length < variant.Length && _words.TryGetValue(variant.AsSpan(from, length), out var id))
                            AddOnce(ids, id);
                    }
                }
                foreach (var id in ids)
                {
                    if (_root.Next!.TryGetValue(id, out var node) && node.Term is { } term && !found.Contains(term))
                        found.Add(term);
                }
            }
        }
    }

    /// <summary>Spelled-out characters read as letters (leetspeak, which folding leaves alone in one-character words); a 1 read as i, then as l.</summary>
    private static IEnumerable<string> SpelledVariants(char[] letters)
    {
        var read = new char[letters.Length];
        var hasOne = false;
        for (var i = 0; i < letters.Length; i++)
        {
            read[i] = letters[i] switch
            {
                '0' => 'o', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', '1' => 'i',
                var c => c,
            };
            hasOne |= letters[i] == '1';
        }
        yield return new string(read);
        if (hasOne)
        {
            for (var i = 0; i < letters.Length; i++)
            {
                if (letters[i] == '1')
                    read[i] = 'l';
            }
            yield return new string(read);
        }
    }

    private static bool IsSpellingGap(ReadOnlySpan<char> gap)
    {
        if (gap.Length is 0 or > MaxSpelledGap)
            return false;
        foreach (var c in gap)
        {
            if (!SpelledSeparators.Contains(c))
                return false;
        }
        return true;
    }

    private bool[]? InnocentWords(FoldedText text)
    {
        if (_innocent.Length == 0)
            return null;
        var words = text.Words;
        bool[]? innocent = null;
        for (var w = 0; w < words.Count; w++)
        {
            foreach (var phrase in _innocent)
            {
                if (w + phrase.Length > words.Count)
                    continue;
                var all = true;
                for (var k = 0; k < phrase.Length && all; k++)
                    all = text.Text.AsSpan(words[w + k].Start, words[w + k].Length).SequenceEqual(phrase[k]);
                if (!all)
                    continue;
                innocent ??= new bool[words.Count];
                for (var k = 0; k < phrase.Length; k++)
                    innocent[w + k] = true;
            }
        }
        return innocent;
    }

    private void Add(IReadOnlyList<string> entries, ReasonSeverity severity, Dictionary<string, int> words)
    {
        foreach (var entry in entries)
        {
            if (string.IsNullOrWhiteSpace(entry))
                continue;
            var folded = TextFolding.Fold(entry);
            if (folded.Words.Count is 0 or > MaxWordsPerTerm)
                continue;
            var node = _root;
            foreach (var word in folded.Words)
            {
                var text = folded.Text.Substring(word.Start, word.Length);
                if (!words.TryGetValue(text, out var id))
                    words.Add(text, id = words.Count);
                node.Next ??= [];
                if (!node.Next.TryGetValue(id, out var child))
                    node.Next.Add(id, child = new Node());
                node = child;
            }
            // An entry on both lists, or twice: the more serious list wins.
            if (node.Term is null || severity > node.Term.Severity)
                node.Term = new Term(entry.Trim(), severity);
        }
    }

    private static void AddOnce(List<int> ids, int id)
    {
        if (!ids.Contains(id))
            ids.Add(id);
    }

    private static int CountMasks(ReadOnlySpan<char> word)
    {
        var masks = 0;
        foreach (var c in word)
        {
            if (TextFolding.IsMask(c))
                masks++;
        }
        return masks;
    }

    private static bool IsAlternating(ReadOnlySpan<char> word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (TextFolding.IsMask(word[i]) != (i % 2 == 1))
                return false;
        }
        return true;
    }

    private static bool HasRunOfThree(ReadOnlySpan<char> word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2])
                return true;
        }
        return false;
    }

    private static string Squeeze(string word)
    {
        Span<char> buffer = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        return new string(buffer[..Squeeze(word, buffer)]);
    }

    private static int Squeeze(ReadOnlySpan<char> word, Span<char> into)
    {
        var length = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (i == 0 || word[i] != word[i - 1])
                into[length++] = word[i];
        }
        return length;
    }

    /// <summary>True when the text word is the term word with some letters repeated three times or more ("fuuuck", "asss").</summary>
    private static bool IsStretchOf(ReadOnlySpan<char> word, string term)
    {
        int i = 0, j = 0;
        while (i < word.Length && j < term.Length)
        {
            if (word[i] != term[j])
                return false;
            var c = word[i];
            var inWord = 0;
            while (i < word.Length && word[i] == c)
            {
                i++;
                inWord++;
            }
            var inTerm = 0;
            while (j < term.Length && term[j] == c)
            {
                j++;
                inTerm++;
            }
            if (inWord != inTerm && (inWord < 3 || inWord < inTerm))
                return false;
        }
        return i == word.Length && j == term.Length;
    }

    private static long MaskKey(int length, char first, char last) => ((long)length << 32) | ((long)first << 16) | last;

    private sealed class Node
    {
        public Dictionary<int, Node>? Next;
        public Term? Term;
    }
}
