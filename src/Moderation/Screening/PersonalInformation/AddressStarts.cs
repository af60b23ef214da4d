using System.Collections.Frozen;

namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>
/// A quick scan for where a street address may start: a civic number (not inside another number or word, not after a
/// currency sign) followed by a street type where the language puts it — after one to four name words in English,
/// right after the number in French. Only there do the (anchored) address patterns run; they and the validators decide.
/// The type lists mirror the patterns' alternations; a test keeps them in step.
/// </summary>
internal static class AddressStarts
{
    public static readonly FrozenSet<string> EnglishTypes = FrozenSet.ToFrozenSet(
    [
        "street", "st", "avenue", "ave", "av", "road", "rd", "boulevard", "blvd", "drive", "dr", "crescent", "cres", "cr", "court",
        "ct", "lane", "ln", "way", "place", "pl", "terrace", "terr", "circle", "cir", "parkway", "pkwy", "highway", "hwy",
        "trail", "trl", "close", "gate", "square", "sq", "grove", "heights", "hts", "mews", "gardens", "gdns", "ridge",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that begin a numbered road right after the civic number ("1234 Highway 7", "55 County Road 12").</summary>
    public static readonly FrozenSet<string> EnglishNumberedRoads = FrozenSet.ToFrozenSet(
        ["highway", "hwy", "county", "regional", "concession", "sideroad"], StringComparer.OrdinalIgnoreCase);

    public static readonly FrozenSet<string> FrenchTypes = FrozenSet.ToFrozenSet(
    [
        "rue", "avenue", "av", "boulevard", "boul", "bd", "blvd", "chemin", "ch", "rang", "route", "place", "pl", "montée",
        "montee", "côte", "cote", "allée", "allee", "impasse", "promenade", "prom", "croissant", "terrasse", "carré", "carre",
        "ruelle", "sentier",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> English = EnglishTypes.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Numbered = EnglishNumberedRoads.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> French = FrenchTypes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Civic numbers followed by one to four words and then an English street type, or by a numbered-road word.</summary>
    public static List<int> EnglishOrder(string text) => Scan(text, english: true);

    /// <summary>Civic numbers followed (after spaces, maybe a comma) by a French street type.</summary>
    public static List<int> FrenchOrder(string text) => Scan(text, english: false);

    private static List<int> Scan(string text, bool english)
    {
        var starts = new List<int>();
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (next < 0)
                break;
            var civic = i + next;
            i = civic;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
                i++;
            if (civic > 0 && IsGlued(text[civic - 1]))
                continue;
            var at = AfterUnitCivic(text, i);
            if (at >= 0 && (english ? EnglishFollows(text, at) : FrenchFollows(text, at)))
                starts.Add(civic);
        }
        return starts;
    }

    /// <summary>Past a letter suffix ("221B") and a unit-civic pair ("12-345"); -1 when the dash leads nowhere.</summary>
    private static int AfterUnitCivic(string text, int at)
    {
        if (at < text.Length && char.IsAsciiLetter(text[at]) && (at + 1 == text.Length || !char.IsLetter(text[at + 1])))
            at++;
        var k = SkipSpaces(text, at);
        if (k < text.Length && IsDash(text[k]))
        {
            k = SkipSpaces(text, k + 1);
            var digits = k;
            while (k < text.Length && char.IsAsciiDigit(text[k]))
                k++;
            return k == digits ? -1 : k;
        }
        return at;
    }

    private static bool EnglishFollows(string text, int at)
    {
        var k = SkipSpaces(text, at);
        if (k == at)
            return false;
        for (var word = 0; word < 5 && k < text.Length; word++)
        {
            var end = k;
            while (end < text.Length && IsWordChar(text[end]))
                end++;
            if (end == k)
                return false;
            var value = text.AsSpan(k, end - k).TrimEnd('.');
            if (word == 0 ? Numbered.Contains(value) : English.Contains(value))
                return true;
            var after = SkipSpaces(text, end);
            if (after == end)
                return false;
            k = after;
        }
        return false;
    }

    private static bool FrenchFollows(string text, int at)
    {
        var k = SkipSpaces(text, at);
        if (k < text.Length && text[k] == ',')
            k = SkipSpaces(text, k + 1);
        if (k == at)
            return false;
        var end = k;
        while (end < text.Length && char.IsLetter(text[end]))
            end++;
        return end > k && French.Contains(text.AsSpan(k, end - k));
    }

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && Surroundings.IsSpace(text[at]))
            at++;
        return at;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '\'' or '’' or '-' or '.';

    private static bool IsDash(char c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013';

    private static bool IsGlued(char before) =>
        char.IsLetterOrDigit(before) || before is '_' or '$' or '€' or '£' or '¥' or '#' or '.' or ',' or '/' || IsDash(before);
}
