using System.Text.RegularExpressions;

namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>The part of the text to mask: where it starts and how long it is.</summary>
internal readonly record struct Found(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>What a text must contain before a detector is worth running, beyond digits (a quick check that skips most regex work).</summary>
internal enum Needs
{
    Nothing,

    /// <summary>An "@".</summary>
    AtSign,

    /// <summary>An "@" or "at"/"arobase", and "dot"/"point" or a common top-level domain: written-out email addresses.</summary>
    WrittenOutEmail,

    /// <summary>"::" or seven colons: IPv6 addresses.</summary>
    IPv6Colons,

    /// <summary>An English street type as a word ("Street", " St ", " Ave."): English-order street addresses.</summary>
    EnglishStreetType,
}

/// <summary>
/// One way of finding one kind: a pattern for candidates and a validator that accepts a candidate (returning the part to
/// mask) or rejects it. After a rejected candidate the search resumes at the next word or number, so a longer false
/// candidate never hides a real item that starts inside it. A detector runs only on texts that can hold what it looks for: a
/// number with at least <paramref name="minDigits"/> digits, what <paramref name="needs"/> says, and, for one that
/// only accepts what a nearby word names, one of its <paramref name="gate"/> words somewhere in the text. A detector
/// with <paramref name="starts"/> tries its pattern (which then begins with \G) only at the positions that cheap scan
/// returns, instead of searching the whole text.
/// </summary>
internal sealed class PersonalInformationDetector(
    PersonalInformationKind kind, Regex candidates, Func<string, Match, Found?> accept, int minDigits, Needs needs = Needs.Nothing,
    System.Buffers.SearchValues<string>? gate = null, Func<string, List<int>>? starts = null)
{
    public PersonalInformationKind Kind { get; } = kind;

    public bool MayFindIn(TextFacts facts) => facts.LongestNumber >= minDigits && needs switch
    {
        Needs.AtSign => facts.HasAtSign,
        Needs.WrittenOutEmail => facts.MayHaveWrittenOutEmail,
        Needs.IPv6Colons => facts.MayHaveIPv6,
        Needs.EnglishStreetType => facts.MayHaveEnglishStreetType,
        _ => true,
    };

    /// <summary>
    /// Adds every accepted item that does not overlap one already taken (by this detector or an earlier, higher
    /// priority one). Throws <see cref="RegexMatchTimeoutException"/> when a pattern takes too long; the caller then
    /// withdraws what this detector added.
    /// </summary>
    public void FindAll(string text, TakenSpans taken, List<Found> added)
    {
        if (gate is not null && text.AsSpan().IndexOfAny(gate) < 0)
            return;
        if (starts is not null)
        {
            FindAt(starts(text), text, taken, added);
            return;
        }
        var match = candidates.Match(text);
        while (match.Success)
        {
            if (!taken.Overlaps(match.Index, match.Length) && accept(text, match) is { } found && taken.TryAdd(found, Kind))
            {
                added.Add(found);
                match = match.NextMatch();
                continue;
            }
            var next = NextTokenStart(text, match.Index);
            if (next >= text.Length)
                break;
            match = candidates.Match(text, next);
        }
    }

    private void FindAt(List<int> positions, string text, TakenSpans taken, List<Found> added)
    {
        var after = 0;
        foreach (var position in positions)
        {
            if (position < after)
                continue;
            var match = candidates.Match(text, position);
            if (match.Success && !taken.Overlaps(match.Index, match.Length) && accept(text, match) is { } found && taken.TryAdd(found, Kind))
            {
                added.Add(found);
                after = match.Index + match.Length;
            }
        }
    }

    /// <summary>
    /// Where to look again after a rejected candidate: past the rest of the word or number it started in. Every
    /// pattern begins at the start of a token (or reads the token's start in a lookbehind), so no candidate is lost.
    /// </summary>
    private static int NextTokenStart(string text, int index)
    {
        var next = index + 1;
        while (next < text.Length && char.IsLetterOrDigit(text[next]) && char.IsLetterOrDigit(text[next - 1]))
            next++;
        return next;
    }
}

/// <summary>What one quick pass over a text tells about it, to skip detectors that cannot match.</summary>
internal readonly record struct TextFacts(int LongestNumber, bool HasAtSign, bool MayHaveWrittenOutEmail, bool MayHaveIPv6, bool MayHaveEnglishStreetType)
{
    private static readonly string[] TopLevelDomains = [".com", ".ca", ".org", ".net", ".gov", ".edu", ".fr", ".uk", ".io", ".info", ".biz"];

    public static TextFacts Of(string text)
    {
        var longest = CountLongestNumber(text);
        var hasAtSign = text.Contains('@', StringComparison.Ordinal);
        var atWord = hasAtSign || text.Contains("at", StringComparison.OrdinalIgnoreCase) || text.Contains("arobase", StringComparison.OrdinalIgnoreCase);
        var writtenOut = atWord && (text.Contains("dot", StringComparison.OrdinalIgnoreCase) || text.Contains("point", StringComparison.OrdinalIgnoreCase)
            || TopLevelDomains.Any(tld => text.Contains(tld, StringComparison.OrdinalIgnoreCase)));
        var ipv6 = longest > 0 && (text.Contains("::", StringComparison.Ordinal) || text.AsSpan().Count(':') >= 7);
        var streetType = longest > 0 && (text.AsSpan().IndexOfAny(Patterns.EnglishStreetGate) >= 0 || Patterns.EndsWithStreetType(text));
        return new TextFacts(longest, hasAtSign, writtenOut, ipv6, streetType);
    }

    /// <summary>
    /// The most digits in one number, counting digits joined by at most two separators (space, dash, dot, bracket,
    /// slash): "(613) 555-0123" has 10, "1,234.56" has 3, "2024-05-12" has 8. Digits of any script count.
    /// </summary>
    private static int CountLongestNumber(string text)
    {
        var first = text.AsSpan().IndexOfAnyInRange('0', '9');
        var start = first < 0 ? FirstOtherDigit(text) : first;
        if (start < 0)
            return 0;
        int longest = 0, current = 0, gap = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                current++;
                gap = 0;
                longest = Math.Max(longest, current);
            }
            else if (current > 0 && gap < 2 && c is ' ' or '\u00A0' or '\u202F' or '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '.' or '(' or ')' or '/')
            {
                gap++;
            }
            else
            {
                current = 0;
                gap = 0;
            }
        }
        return longest;
    }

    private static int FirstOtherDigit(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > '\u007F' && char.IsDigit(text[i]))
                return i;
        }
        return -1;
    }
}

/// <summary>The items found so far, in text order, none overlapping.</summary>
internal sealed class TakenSpans
{
    private readonly List<(Found Span, PersonalInformationKind Kind)> _spans = [];

    public int Count => _spans.Count;

    public (Found Span, PersonalInformationKind Kind) this[int index] => _spans[index];

    public bool TryAdd(Found span, PersonalInformationKind kind)
    {
        if (span.Length <= 0 || Overlaps(span.Start, span.Length))
            return false;
        _spans.Insert(IndexAtOrAfter(span.Start), (span, kind));
        return true;
    }

    /// <summary>True when [start, start + length) overlaps an item already taken (checked before validating a candidate).</summary>
    public bool Overlaps(int start, int length)
    {
        var i = IndexAtOrAfter(start);
        return i > 0 && _spans[i - 1].Span.End > start || i < _spans.Count && _spans[i].Span.Start < start + length;
    }

    public void Remove(Found span)
    {
        var i = IndexAtOrAfter(span.Start);
        if (i < _spans.Count && _spans[i].Span == span)
            _spans.RemoveAt(i);
    }

    private int IndexAtOrAfter(int start)
    {
        int lo = 0, hi = _spans.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_spans[mid].Span.Start < start)
                lo = mid + 1;
            else
                hi = mid;
        }
        return lo;
    }
}
