using System.Text.RegularExpressions;

namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>
/// The words and characters around a candidate: the short windows before and after it (cut at a sentence end), which
/// identifier a nearby word names, and the shapes (money, dates, thousands) that make a number something else.
/// </summary>
internal static class Surroundings
{
    public const int BeforeReach = 40;
    public const int AfterReach = 30;

    /// <summary>
    /// Up to <paramref name="reach"/> characters before <paramref name="start"/>, from the last sentence end, or with
    /// <paramref name="toNumber"/> from the last digit: a word before another number names that number, not this one
    /// ("SIN 046 454 286 and 123-45-6789").
    /// </summary>
    public static ReadOnlySpan<char> Before(string text, int start, int reach = BeforeReach, bool toNumber = false)
    {
        var from = Math.Max(0, start - reach);
        for (var i = start - 1; i >= from; i--)
        {
            if (EndsSentence(text, i) || toNumber && char.IsDigit(text[i]))
                return text.AsSpan(i + 1, start - i - 1);
        }
        return text.AsSpan(from, start - from);
    }

    /// <summary>Up to <paramref name="reach"/> characters after <paramref name="end"/>, to the next sentence end (or digit).</summary>
    public static ReadOnlySpan<char> After(string text, int end, int reach = AfterReach, bool toNumber = false)
    {
        var to = Math.Min(text.Length, end + reach);
        for (var i = end; i < to; i++)
        {
            if (EndsSentence(text, i) || toNumber && char.IsDigit(text[i]))
                return text.AsSpan(end, i - end);
        }
        return text.AsSpan(end, to - end);
    }

    /// <summary>
    /// Which identifier the nearest identifier word before the candidate names ("my SIN is", "passport no.",
    /// "health card"), or, when there is none before it, the nearest after it ("... is my passport number"). Only words
    /// between this number and its neighbours count. A banking word right before the number ("account 1234567") counts
    /// as nearest.
    /// </summary>
    public static PersonalInformationKind? NamedBy(string text, int start, int end)
    {
        var (before, after) = Names(text, start, end);
        return before ?? after;
    }

    /// <summary>The identifier the nearest word before the candidate names, ignoring words after it.</summary>
    public static PersonalInformationKind? NamedBefore(string text, int start) => Names(text, start, start).Before;

    /// <summary>The identifier the nearest word before the candidate names, and the one the nearest word after it names.</summary>
    public static (PersonalInformationKind? Before, PersonalInformationKind? After) Names(string text, int start, int end)
    {
        var before = Before(text, start, toNumber: true);
        if (before.IndexOfAny(Patterns.BankGate) >= 0 && Patterns.BankWordJustBefore().IsMatch(before))
            return (PersonalInformationKind.BankAccount, null);
        return (Nearest(before, fromEnd: true), Nearest(After(text, end, toNumber: true), fromEnd: false));
    }

    /// <summary>A quick test before <see cref="NamedBy"/>: one of <paramref name="words"/> occurs in the window before or after.</summary>
    public static bool Mentions(string text, int start, int end, System.Buffers.SearchValues<string> words) =>
        Before(text, start, toNumber: true).IndexOfAny(words) >= 0 || After(text, end, toNumber: true).IndexOfAny(words) >= 0;

    /// <summary>Each identifier's words, with a cheap substring test that must pass before its pattern runs on a window.</summary>
    private static readonly (PersonalInformationKind Kind, System.Buffers.SearchValues<string> Gate, Func<Regex> Words)[] Namers =
    [
        (PersonalInformationKind.Sin, Patterns.SinGate, Patterns.SinWords),
        (PersonalInformationKind.Ssn, Patterns.SsnGate, Patterns.SsnWords),
        (PersonalInformationKind.Passport, Patterns.PassportGate, Patterns.PassportWords),
        (PersonalInformationKind.HealthCard, Patterns.HealthGate, Patterns.HealthWords),
        (PersonalInformationKind.DriversLicence, Patterns.LicenceGate, Patterns.LicenceWords),
        (PersonalInformationKind.BankAccount, Patterns.BankGate, Patterns.BankWords),
        (PersonalInformationKind.Phone, Patterns.PhoneGate, Patterns.PhoneWords),
    ];

    private static PersonalInformationKind? Nearest(ReadOnlySpan<char> window, bool fromEnd)
    {
        if (window.IsEmpty)
            return null;
        PersonalInformationKind? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (kind, gate, words) in Namers)
        {
            if (window.IndexOfAny(gate) < 0)
                continue;
            foreach (var m in words().EnumerateMatches(window))
            {
                var distance = fromEnd ? window.Length - (m.Index + m.Length) : m.Index;
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = kind;
                }
            }
        }
        return best;
    }

    /// <summary>True when a word such as "case", "ticket", "invoice" or a "#" comes shortly before: a reference number.</summary>
    public static bool IsReference(string text, int start)
    {
        var before = Before(text, start, 30);
        return before.IndexOfAny(Patterns.ReferenceGate) >= 0 && Patterns.ReferenceWords().IsMatch(before);
    }


    /// <summary>"$1 234", "123 456 789 $", "45 %", "12 000 dollars": an amount or a percentage, not an identifier.</summary>
    public static bool IsAmount(string text, int start, int end)
    {
        var i = start - 1;
        if (i >= 0 && IsSpace(text[i]))
            i--;
        if (i >= 0 && text[i] is '$' or '€' or '£' or '¥')
            return true;
        var j = end;
        if (j < text.Length && IsSpace(text[j]))
            j++;
        if (j >= text.Length)
            return false;
        if (text[j] is '$' or '€' or '£' or '¥' or '%' or '‰')
            return true;
        var rest = text.AsSpan(j);
        return StartsWithWord(rest, "dollars") || StartsWithWord(rest, "dollar") || StartsWithWord(rest, "cents")
            || StartsWithWord(rest, "euros") || StartsWithWord(rest, "CAD") || StartsWithWord(rest, "USD") || StartsWithWord(rest, "pour cent")
            || StartsWithWord(rest, "percent") || StartsWithWord(rest, "per cent");
    }

    /// <summary>"2024-05-12", "12/05/2024", "2024.05.12".</summary>
    public static bool IsDate(ReadOnlySpan<char> value)
    {
        Span<int> groups = stackalloc int[4];
        var count = 0;
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                length++;
                continue;
            }
            if (c is not ('-' or '/' or '.') || length == 0 || count == 3)
                return false;
            groups[count++] = length;
            length = 0;
        }
        groups[count++] = length;
        return count == 3 && (groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2 || groups[0] <= 2 && groups[1] <= 2 && groups[2] is 2 or 4);
    }

    /// <summary>"12 000", "1 234 567": a quantity written with thousands separators.</summary>
    public static bool IsGroupedThousands(ReadOnlySpan<char> value)
    {
        var parts = 0;
        var length = 0;
        var first = -1;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                length++;
                continue;
            }
            if (!IsSpace(c) && c != ',')
                return false;
            if (first < 0)
                first = length;
            else if (length != 3)
                return false;
            parts++;
            length = 0;
        }
        return parts > 0 && first is >= 1 and <= 3 && length == 3;
    }

    /// <summary>"613-555-0123", "(613) 555 0123": written as a North American phone number.</summary>
    public static bool IsPhoneShaped(ReadOnlySpan<char> value)
    {
        if (value.Contains('(') || value.StartsWith("+"))
            return true;
        Span<int> groups = stackalloc int[8];
        var count = 0;
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsDigit(c))
            {
                length++;
                continue;
            }
            if (length > 0)
            {
                if (count == groups.Length)
                    return false;
                groups[count++] = length;
            }
            length = 0;
        }
        if (length > 0 && count < groups.Length)
            groups[count++] = length;
        return count == 3 && groups[0] == 3 && groups[1] == 3 && groups[2] == 4
            || count == 4 && groups[0] == 1 && groups[1] == 3 && groups[2] == 3 && groups[3] == 4;
    }

    /// <summary>The digits of a value as ASCII (other scripts' digits converted), separators dropped.</summary>
    public static string Digits(ReadOnlySpan<char> value)
    {
        Span<char> buffer = value.Length <= 64 ? stackalloc char[value.Length] : new char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
                buffer[n++] = c;
            else if (char.IsDigit(c))
                buffer[n++] = (char)('0' + (int)char.GetNumericValue(c));
        }
        return new string(buffer[..n]);
    }

    /// <summary>The word right before <paramref name="start"/> (skipping spaces), or empty.</summary>
    public static ReadOnlySpan<char> WordBefore(string text, int start)
    {
        var end = start;
        while (end > 0 && IsSpace(text[end - 1]))
            end--;
        var begin = end;
        while (begin > 0 && char.IsLetter(text[begin - 1]))
            begin--;
        return text.AsSpan(begin, end - begin);
    }

    /// <summary>The word right after <paramref name="end"/> (skipping spaces), or empty.</summary>
    public static ReadOnlySpan<char> WordAfter(string text, int end)
    {
        var begin = end;
        while (begin < text.Length && IsSpace(text[begin]))
            begin++;
        var stop = begin;
        while (stop < text.Length && char.IsLetter(text[stop]))
            stop++;
        return text.AsSpan(begin, stop - begin);
    }

    public static bool IsSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\t';

    private static bool StartsWithWord(ReadOnlySpan<char> text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase) && (text.Length == word.Length || !char.IsLetterOrDigit(text[word.Length]));

    /// <summary>
    /// A line break, "!", "?", ";", or a full stop followed by a space that is not an abbreviation's ("no.", "St.",
    /// "Dr.": one to three letters before it).
    /// </summary>
    private static bool EndsSentence(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '\r' or '!' or '?' or ';')
            return true;
        if (c != '.' || i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            return false;
        var letters = 0;
        for (var j = i - 1; j >= 0 && char.IsLetter(text[j]) && letters < 4; j--)
            letters++;
        return letters is 0 or >= 4;
    }
}
