using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Engagement.Moderation.Screening;

/// <summary>
/// Folds a text into the form the matching steps compare: lowercase (invariant), without diacritics (é → e), with
/// compatibility forms unfolded (fullwidth, mathematical and circled letters, ligatures), look-alike letters from other
/// scripts folded to the Latin letter they imitate (Cyrillic а → a, Greek ο → o, small capitals), invisible and
/// combining characters dropped, and leetspeak read as letters inside words that have at least one letter
/// (0 → o, 1 → i, 3 → e, 4 → a, 5 → s, 7 → t, @ → a, $ → s, ! between letters → i), so "sh1t" and "@ss" fold to words
/// while "455" and "$5" stay numbers. For matching only: the folded text is never stored or shown.
/// </summary>
internal static class TextFolding
{
    /// <summary>The mask characters people put in place of a letter ("f*ck", "f#ck", "f_ck"); inside a word they stay in it.</summary>
    internal const string MaskCharacters = "*#_";

    // Per-BMP-character fold, computed on first use: 0 = not yet computed, Drop = nothing, Expands = several characters.
    private const ushort Unknown = 0;
    private const ushort Drop = 0xFFFF;
    private const ushort Expands = 0xFFFE;

    private static readonly ushort[] Table = new ushort[0x10000];
    private static readonly ConcurrentDictionary<char, string> Expansions = new();

    // Mathematical alphanumerics (𝐟𝐮𝐜𝐤) and enclosed alphanumerics (🄵) outside the BMP, folded once each.
    private const int MathStart = 0x1D400, MathEnd = 0x1D800, EnclosedStart = 0x1F100, EnclosedEnd = 0x1F200;
    private const int RegionalIndicatorA = 0x1F1E6, RegionalIndicatorZ = 0x1F1FF;
    private static readonly string?[] Supplementary = new string?[(MathEnd - MathStart) + (EnclosedEnd - EnclosedStart)];

    // Steps fold the same text one after the other (terms, then spam); the last fold on each thread is reused.
    [ThreadStatic] private static string? _lastSource;
    [ThreadStatic] private static FoldedText? _lastFolded;

    /// <summary>The folded text alone, e.g. "Ｓｈ1ｔ" → "shit", "Connàrd" → "connard".</summary>
    public static string ForMatching(string text) => Fold(text).Text;

    /// <summary>The folded text with its words and a map back to the original text.</summary>
    public static FoldedText Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (ReferenceEquals(_lastSource, text) && _lastFolded is { } cached)
            return cached;
        var folded = FoldCore(text);
        _lastSource = text;
        _lastFolded = folded;
        return folded;
    }

    /// <summary>A character of folded text that belongs to a word: a letter, a digit, or an @/$ left in a word without letters.</summary>
    internal static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$';

    internal static bool IsMask(char c) => c is '*' or '#' or '_';

    private static FoldedText FoldCore(string text)
    {
        var buffer = new Buffer(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                buffer.Add(c switch
                {
                    >= 'A' and <= 'Z' => (char)(c + 32),
                    < ' ' or '\x7F' => ' ',
                    _ => c,
                }, i);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                AppendRune(ref buffer, new Rune(c, text[i + 1]), i);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                buffer.Add(' ', i); // a lone surrogate: not part of any word
            }
            else
            {
                var folded = Table[c];
                if (folded == Unknown)
                    folded = Compute(c);
                if (folded == Expands)
                    buffer.Add(Expansions.TryGetValue(c, out var s) ? s : FoldBmp(c), i);
                else if (folded != Drop)
                    buffer.Add((char)folded, i);
            }
        }
        var ambiguous = ReadLeetspeak(buffer.Chars, buffer.Count);
        return new FoldedText(text, new string(buffer.Chars, 0, buffer.Count), buffer.Sources, ambiguous);
    }

    /// <summary>
    /// Reads digits and symbols as letters inside runs of word characters that hold at least one letter. Returns the
    /// folded positions where a 1 became i, which could as well have been an l ("he1l"); the matcher tries both.
    /// </summary>
    private static List<int>? ReadLeetspeak(char[] chars, int count)
    {
        List<int>? ambiguous = null;
        var i = 0;
        while (i < count)
        {
            if (!IsLeetRunChar(chars[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var hasLetter = false;
            while (i < count && IsLeetRunChar(chars[i]))
            {
                hasLetter |= char.IsLetter(chars[i]);
                i++;
            }
            if (!hasLetter)
                continue;
            for (var k = start; k < i; k++)
            {
                var letter = chars[k] switch
                {
                    '0' => 'o',
                    '1' => 'i',
                    '3' => 'e',
                    '4' => 'a',
                    '5' => 's',
                    '7' => 't',
                    '@' => 'a',
                    '$' => 's',
                    '!' when k > start && k + 1 < i && char.IsLetter(chars[k - 1]) && char.IsLetter(chars[k + 1]) => 'i',
                    _ => '\0',
                };
                if (letter == '\0')
                    continue;
                if (chars[k] == '1')
                    (ambiguous ??= []).Add(k);
                chars[k] = letter;
            }
        }
        return ambiguous;
    }

    private static bool IsLeetRunChar(char c) => char.IsLetterOrDigit(c) || c is '@' or '$' or '!' || IsMask(c);

    private static void AppendRune(ref Buffer buffer, Rune rune, int source)
    {
        var value = rune.Value;
        if (value is >= RegionalIndicatorA and <= RegionalIndicatorZ)
        {
            buffer.Add((char)('a' + (value - RegionalIndicatorA)), source); // 🇫🇺🇨🇰 spelled with flag letters
            return;
        }
        var slot = value switch
        {
            >= MathStart and < MathEnd => value - MathStart,
            >= EnclosedStart and < EnclosedEnd => (MathEnd - MathStart) + (value - EnclosedStart),
            _ => -1,
        };
        if (slot >= 0)
        {
            var folded = Volatile.Read(ref Supplementary[slot]);
            if (folded is null)
            {
                folded = FoldString(rune.ToString());
                Volatile.Write(ref Supplementary[slot], folded);
            }
            buffer.Add(folded, source);
            return;
        }
        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark:
                return; // tag characters, invisible format controls, combining marks
            default:
                var lower = Rune.ToLowerInvariant(rune);
                Span<char> units = stackalloc char[2];
                var length = lower.EncodeToUtf16(units);
                for (var k = 0; k < length; k++)
                    buffer.Add(units[k], source);
                return;
        }
    }

    private static ushort Compute(char c)
    {
        var folded = FoldBmp(c);
        ushort entry;
        if (folded.Length == 0)
        {
            entry = Drop;
        }
        else if (folded.Length == 1 && folded[0] is not ((char)Drop or (char)Expands or (char)Unknown))
        {
            entry = folded[0];
        }
        else
        {
            Expansions.TryAdd(c, folded);
            entry = Expands;
        }
        Volatile.Write(ref Table[c], entry);
        return entry;
    }

    private static string FoldBmp(char c) => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.Control => " ",
        UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark => "",
        UnicodeCategory.Surrogate => " ",
        _ => FoldString(c.ToString()),
    };

    /// <summary>Compatibility decomposition, then each remaining character lowercased and folded to the Latin letter it imitates.</summary>
    private static string FoldString(string s)
    {
        string decomposed;
        try
        {
            decomposed = s.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = s;
        }
        var result = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            var category = char.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
                continue;
            if (category == UnicodeCategory.Control)
            {
                result.Append(' ');
                continue;
            }
            if (UppercaseLookalike(ch) is { } upper)
            {
                result.Append(upper);
                continue;
            }
            var lower = char.ToLowerInvariant(ch);
            result.Append(LowercaseLookalike(lower) ?? lower.ToString());
        }
        return result.ToString();
    }

    /// <summary>Capitals of other scripts that look like a Latin capital (Greek Η looks like H although its lowercase η looks like n).</summary>
    private static char? UppercaseLookalike(char c) => c switch
    {
        'Α' or 'А' => 'a',
        'Β' or 'В' => 'b',
        'Ε' or 'Е' => 'e',
        'Ζ' => 'z',
        'Η' or 'Н' => 'h',
        'Ι' or 'І' or 'Ӏ' => 'i',
        'Κ' or 'К' => 'k',
        'Μ' or 'М' => 'm',
        'Ν' => 'n',
        'Ο' or 'О' => 'o',
        'Ρ' or 'Р' => 'p',
        'Τ' or 'Т' => 't',
        'Υ' or 'У' or 'Ү' => 'y',
        'Χ' or 'Х' => 'x',
        'Ѕ' => 's',
        'Ј' => 'j',
        _ => null,
    };

    /// <summary>Lowercase look-alikes of Latin letters, and Latin letters that decomposition leaves whole (ø, ł, ß, æ, œ).</summary>
    private static string? LowercaseLookalike(char c) => c switch
    {
        // Cyrillic
        'а' => "a", 'в' => "b", 'е' => "e", 'к' => "k", 'м' => "m", 'н' => "h", 'о' => "o", 'п' => "n", 'р' => "p",
        'с' => "c", 'т' => "t", 'у' => "y", 'х' => "x", 'ь' => "b", 'ѕ' => "s", 'і' => "i", 'ј' => "j", 'ԁ' => "d",
        'ԛ' => "q", 'ԝ' => "w", 'һ' => "h", 'ӏ' => "l", 'ү' => "y",
        // Greek
        'α' => "a", 'β' => "b", 'γ' => "y", 'ε' => "e", 'ζ' => "z", 'η' => "n", 'ι' => "i", 'κ' => "k", 'μ' => "u",
        'ν' => "v", 'ο' => "o", 'ρ' => "p", 'τ' => "t", 'υ' => "u", 'χ' => "x", 'ω' => "w",
        // Armenian
        'օ' => "o", 'ս' => "u", 'հ' => "h", 'ո' => "n",
        // Latin letters without a decomposition, IPA and small capitals
        'ø' => "o", 'ł' => "l", 'đ' => "d", 'ħ' => "h", 'ŧ' => "t", 'ı' => "i", 'ȷ' => "j", 'ƒ' => "f", 'ɑ' => "a",
        'ɡ' => "g", 'ɩ' => "i", 'ǀ' => "l", 'ð' => "d",
        'ß' => "ss", 'æ' => "ae", 'œ' => "oe", 'þ' => "th",
        'ᴀ' => "a", 'ʙ' => "b", 'ᴄ' => "c", 'ᴅ' => "d", 'ᴇ' => "e", 'ɢ' => "g", 'ʜ' => "h", 'ɪ' => "i", 'ᴊ' => "j",
        'ᴋ' => "k", 'ʟ' => "l", 'ᴍ' => "m", 'ɴ' => "n", 'ᴏ' => "o", 'ᴘ' => "p", 'ʀ' => "r", 'ꜱ' => "s", 'ᴛ' => "t",
        'ᴜ' => "u", 'ᴠ' => "v", 'ᴡ' => "w", 'ʏ' => "y", 'ᴢ' => "z",
        _ => null,
    };

    /// <summary>The folded characters and, for each, the index in the original text it came from.</summary>
    private struct Buffer(int capacity)
    {
        public char[] Chars = new char[Math.Max(16, capacity)];
        public int[] Sources = new int[Math.Max(16, capacity)];
        public int Count;

        public void Add(char c, int source)
        {
            if (Count == Chars.Length)
            {
                Array.Resize(ref Chars, Chars.Length * 2);
                Array.Resize(ref Sources, Sources.Length * 2);
            }
            Chars[Count] = c;
            Sources[Count] = source;
            Count++;
        }

        public void Add(string s, int source)
        {
            foreach (var c in s)
                Add(c, source);
        }
    }
}

/// <summary>A word of folded text: where it starts and how long it is.</summary>
internal readonly record struct FoldedWord(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>
/// Text folded by <see cref="TextFolding"/>: the folded string, its words (word boundaries are where a letter or digit
/// meets anything else; mask characters inside a word stay in it), and the way back from folded positions to the
/// original text, so a match found in folded text can be shown where the author wrote it.
/// </summary>
internal sealed class FoldedText
{
    private readonly int[] _sources;
    private readonly List<int>? _ambiguous;
    private FoldedWord[]? _words;

    internal FoldedText(string source, string text, int[] sources, List<int>? ambiguous)
    {
        Source = source;
        Text = text;
        _sources = sources;
        _ambiguous = ambiguous;
    }

    /// <summary>The text as written.</summary>
    public string Source { get; }

    /// <summary>The folded text.</summary>
    public string Text { get; }

    /// <summary>The words of the folded text, in order.</summary>
    public IReadOnlyList<FoldedWord> Words => _words ??= FindWords(Text);

    /// <summary>True when a word may start or end at <paramref name="index"/> (between a word character and anything else).</summary>
    public bool IsWordBoundary(int index) =>
        index <= 0 || index >= Text.Length || !TextFolding.IsWordChar(Text[index - 1]) || !TextFolding.IsWordChar(Text[index]);

    /// <summary>The span of the original text that folded into <paramref name="start"/>..<paramref name="start"/>+<paramref name="length"/>.</summary>
    public (int Start, int Length) ToSource(int start, int length)
    {
        if (Text.Length == 0 || length <= 0)
            return (0, 0);
        start = Math.Clamp(start, 0, Text.Length - 1);
        var last = Math.Clamp(start + length - 1, start, Text.Length - 1);
        var sourceStart = _sources[start];
        var sourceLast = _sources[last];
        var width = sourceLast + 1 < Source.Length && char.IsHighSurrogate(Source[sourceLast]) && char.IsLowSurrogate(Source[sourceLast + 1]) ? 2 : 1;
        return (sourceStart, sourceLast + width - sourceStart);
    }

    /// <summary>True when the folded i at <paramref name="index"/> was written as a 1, which might have meant an l.</summary>
    public bool IsAmbiguousLetter(int index) => _ambiguous is not null && _ambiguous.BinarySearch(index) >= 0;

    /// <summary>True when any folded i in the span was written as a 1.</summary>
    public bool HasAmbiguousLetter(int start, int length)
    {
        if (_ambiguous is null)
            return false;
        var at = _ambiguous.BinarySearch(start);
        if (at < 0)
            at = ~at;
        return at < _ambiguous.Count && _ambiguous[at] < start + length;
    }

    private static FoldedWord[] FindWords(string text)
    {
        var words = new List<FoldedWord>();
        var i = 0;
        while (i < text.Length)
        {
            if (!TextFolding.IsWordChar(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length)
            {
                if (TextFolding.IsWordChar(text[i]))
                {
                    i++;
                    continue;
                }
                // Masks inside a word ("f*ck", "f**k") belong to it; masks at its edges ("**bold**", "#tag") do not.
                var next = i;
                while (next < text.Length && TextFolding.IsMask(text[next]))
                    next++;
                if (next > i && next < text.Length && TextFolding.IsWordChar(text[next]))
                {
                    i = next;
                    continue;
                }
                break;
            }
            words.Add(new FoldedWord(start, i - start));
        }
        return [.. words];
    }
}
