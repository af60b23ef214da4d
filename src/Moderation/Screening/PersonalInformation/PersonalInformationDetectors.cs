using System.Collections.Frozen;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using static Engagement.Moderation.Screening.PersonalInformation.PersonalInformationKind;

namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>
/// The detectors the masking step runs, in priority order: an item one detector takes cannot be taken by a later one.
/// Self-checking formats (email, IP, IBAN, card with Luhn) come first, then identifiers a nearby word names, then
/// phones and postal codes, then post-office boxes and street addresses, which are the loosest.
/// </summary>
internal static class PersonalInformationDetectors
{
    public static IReadOnlyList<PersonalInformationDetector> All { get; } =
    [
        new(Email, Patterns.Email(), FromLead, minDigits: 0, Needs.AtSign),
        new(Email, Patterns.ObfuscatedEmail(), ObfuscatedEmail, minDigits: 0, Needs.WrittenOutEmail),
        new(IpAddress, Patterns.IPv6(), IPv6, minDigits: 1, Needs.IPv6Colons),
        new(IpAddress, Patterns.IPv4(), IPv4, minDigits: 4),
        new(BankAccount, Patterns.Iban(), Iban, minDigits: 8),
        new(BankAccount, Patterns.CanadianBankAccount(), NotAnAmount, minDigits: 15),
        new(PaymentCard, Patterns.CardNumber(), CardNumber, minDigits: 13),
        new(HealthCard, Patterns.TenDigitHealthNumber(), TenDigitHealthNumber, minDigits: 10),
        new(HealthCard, Patterns.RamqNumber(), RamqNumber, minDigits: 8),
        new(HealthCard, Patterns.HealthNumberNearKeyword(), NamedAs(HealthCard, Patterns.HealthGate), minDigits: 8, gate: Patterns.HealthGate),
        new(DriversLicence, Patterns.OntarioOrQuebecLicence(), FromLead, minDigits: 12),
        new(DriversLicence, Patterns.LicenceNearKeyword(), NamedAs(DriversLicence, Patterns.LicenceGate, minDigits: 5), minDigits: 5, gate: Patterns.LicenceGate),
        new(Sin, Patterns.NineDigits(), SocialInsuranceNumber, minDigits: 9),
        new(Passport, Patterns.PassportNumber(), PassportNumber, minDigits: 6, gate: Patterns.PassportGate),
        new(Ssn, Patterns.SsnShape(), SocialSecurityNumber, minDigits: 9),
        new(BankAccount, Patterns.DigitRun(), NamedAs(BankAccount, Patterns.BankGate, minDigits: 5), minDigits: 5, gate: Patterns.BankGate),
        new(Phone, Patterns.NorthAmericanPhone(), NorthAmericanPhone, minDigits: 10),
        new(Phone, Patterns.InternationalPhone(), InternationalPhone, minDigits: 2),
        new(Phone, Patterns.FrenchPhone(), NotAnAmount, minDigits: 10),
        new(Phone, Patterns.PhoneNearKeyword(), PhoneNamedAsPhone, minDigits: 7, gate: Patterns.PhoneGate),
        new(PostalCode, Patterns.CanadianPostalCode(), (_, m) => new Found(m.Index - 1, m.Length + 1), minDigits: 1),
        new(PostalCode, Patterns.UkPostcode(), Whole, minDigits: 1),
        new(PostalCode, Patterns.UsZip(), UsZip, minDigits: 5),
        new(PoBox, Patterns.PoBox(), Whole, minDigits: 1, gate: Patterns.PoBoxGate),
        new(Address, Patterns.EnglishAddress(), EnglishAddress, minDigits: 1, Needs.EnglishStreetType, starts: AddressStarts.EnglishOrder),
        new(Address, Patterns.FrenchAddress(), FrenchAddress, minDigits: 1, gate: Patterns.FrenchStreetGate, starts: AddressStarts.FrenchOrder),
    ];

    private static Found? Whole(string text, Match m) => new Found(m.Index, m.Length);

    /// <summary>The match and the part before it that the pattern reads in a lookbehind (group lead): a local part, a letter prefix.</summary>
    private static Found Span(Match m)
    {
        var lead = m.Groups["lead"];
        var start = lead.Success ? lead.Index : m.Index;
        return new Found(start, m.Index + m.Length - start);
    }

    private static Found? FromLead(string text, Match m) => Span(m);

    private static Found? NotAnAmount(string text, Match m) => Surroundings.IsAmount(text, m.Index, m.Index + m.Length) ? null : new Found(m.Index, m.Length);

    // ---- Email ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Written-out addresses. Brackets ("(at)") and "arobase" are deliberate and always count. A bare English "at" is
    /// also a preposition ("available at canada dot ca", "more info at canada.ca"), so then the local part must not be
    /// a common word, and with a real dot in the domain it must look like a mailbox (a dot, digit, "_" or "+" in it, or
    /// a free-mail domain).
    /// </summary>
    private static Found? ObfuscatedEmail(string text, Match m)
    {
        var at = m.Groups["at"].ValueSpan.Trim();
        if (!at.Equals("at", StringComparison.OrdinalIgnoreCase))
            return Span(m);
        var local = m.Groups["lead"].Value;
        var localIsOneWord = local.AsSpan().IndexOfAny(MailboxMarks) < 0 && !local.Contains(' ', StringComparison.Ordinal);
        if (localIsOneWord && CommonWordsBeforeAt.Contains(local))
            return null;
        var tail = text.AsSpan(m.Groups["at"].Index + m.Groups["at"].Length, m.Index + m.Length - m.Groups["at"].Index - m.Groups["at"].Length);
        var spelledDot = tail.Contains(" dot ", StringComparison.OrdinalIgnoreCase) || tail.Contains(" point ", StringComparison.OrdinalIgnoreCase) || tail.IndexOfAny("([{<") >= 0;
        if (spelledDot || !localIsOneWord)
            return Span(m);
        var domain = m.Groups["domain"].ValueSpan;
        var firstLabel = domain[..(domain.IndexOf('.') is >= 0 and var dot ? dot : domain.Length)].ToString();
        return FreeMailDomains.Contains(firstLabel) ? Span(m) : null;
    }

    private static readonly System.Buffers.SearchValues<char> MailboxMarks = System.Buffers.SearchValues.Create("._+0123456789");

    private static readonly FrozenSet<string> CommonWordsBeforeAt = FrozenSet.ToFrozenSet(
    [
        "is", "am", "are", "was", "were", "be", "been", "me", "us", "him", "her", "them", "it", "this", "that", "available",
        "posted", "online", "info", "information", "details", "more", "look", "looking", "looked", "see", "check", "go",
        "went", "apply", "register", "found", "find", "here", "there", "site", "website", "page", "live", "lives", "lived",
        "work", "works", "worked", "stay", "staying", "meet", "met", "arrive", "arrived", "help", "everything", "anything",
        "forms", "form", "line", "up", "out", "signed", "sign", "log", "logged", "visit", "visited", "read", "listed",
        "published", "located", "hosted", "access", "reach", "you", "people", "staff", "office", "home", "all",
        "only", "even", "just", "also", "both", "one", "two", "it's", "rates", "rate", "prices", "tickets", "aimed", "directed",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> FreeMailDomains = FrozenSet.ToFrozenSet(
    [
        "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "icloud", "me", "mac", "aol",
        "protonmail", "proton", "videotron", "sympatico", "bell", "rogers", "shaw", "telus", "cogeco", "eastlink", "sasktel",
        "mail", "gmx", "laposte", "orange", "free", "sfr", "wanadoo",
    ], StringComparer.OrdinalIgnoreCase);

    // ---- IP addresses ---------------------------------------------------------------------------------------------

    /// <summary>A real IPv6 address (System.Net agrees) with at least two groups and a digit, so "::" and "add::bad" are not.</summary>
    private static Found? IPv6(string text, Match m)
    {
        var value = m.ValueSpan;
        if (!value.ContainsAnyInRange('0', '9') || !IPAddress.TryParse(value, out var address) || address.AddressFamily != AddressFamily.InterNetworkV6)
            return null;
        var groups = 0;
        foreach (var range in value.Split(':'))
        {
            if (!value[range].IsEmpty)
                groups++;
        }
        return groups >= 2 ? new Found(m.Index, m.Length) : null;
    }

    /// <summary>A dotted quad that is not a version or section number ("version 10.0.0.1", "section 4.2.1.3").</summary>
    private static Found? IPv4(string text, Match m) =>
        Patterns.VersionWordJustBefore().IsMatch(Surroundings.Before(text, m.Index, 20)) ? null : new Found(m.Index, m.Length);

    // ---- Bank accounts and payment cards --------------------------------------------------------------------------

    private static Found? Iban(string text, Match m)
    {
        Span<char> compact = stackalloc char[m.Length];
        var n = 0;
        foreach (var c in m.ValueSpan)
        {
            if (!Surroundings.IsSpace(c))
                compact[n++] = c;
        }
        return Checksums.IsIban(compact[..n]) ? new Found(m.Index, m.Length) : null;
    }

    private static Found? CardNumber(string text, Match m) =>
        Checksums.IsPaymentCard(Surroundings.Digits(m.ValueSpan)) && !Surroundings.IsAmount(text, m.Index, m.Index + m.Length) ? new Found(m.Index, m.Length) : null;

    // ---- Health cards ---------------------------------------------------------------------------------------------

    /// <summary>
    /// 1234-567-890(-AB): with a health-card word nearby, any; alone, only written in the 4-3-3 layout (or with a
    /// version code) and passing Ontario's Luhn check or British Columbia's mod-11 check.
    /// </summary>
    private static Found? TenDigitHealthNumber(string text, Match m)
    {
        if (Surroundings.IsAmount(text, m.Index, m.Index + m.Length))
            return null;
        var named = Surroundings.NamedBy(text, m.Index, m.Index + m.Length);
        if (named == HealthCard)
            return new Found(m.Index, m.Length);
        if (named is not null && named != Phone)
            return null;
        var value = m.ValueSpan;
        var laidOut = value.Length > 10;
        var digits = Surroundings.Digits(value);
        return laidOut && (Checksums.IsOntarioHealthNumber(digits) || Checksums.IsBcHealthNumber(digits)) ? new Found(m.Index, m.Length) : null;
    }

    /// <summary>ABCD 1234 5678: alone in capitals with a real birth month and day; in any case next to a health-card word.</summary>
    private static Found? RamqNumber(string text, Match m)
    {
        var span = Span(m);
        if (Surroundings.NamedBy(text, span.Start, span.End) == HealthCard)
            return span;
        var letters = m.Groups["lead"].ValueSpan;
        foreach (var c in letters)
        {
            if (!char.IsAsciiLetterUpper(c))
                return null;
        }
        return Checksums.IsRamqDate(m.Groups["d1"].Value + m.Groups["d2"].Value) ? span : null;
    }

    // ---- Identifiers a nearby word names --------------------------------------------------------------------------

    /// <summary>
    /// A number that the nearest identifier word names as <paramref name="kind"/>, and that is not an amount, a date,
    /// a quantity with thousands separators, or written as a phone number.
    /// </summary>
    private static Func<string, Match, Found?> NamedAs(PersonalInformationKind kind, System.Buffers.SearchValues<string> words, int minDigits = 8) => (text, m) =>
    {
        var span = Span(m);
        var value = text.AsSpan(span.Start, span.Length);
        var digits = Surroundings.Digits(value);
        if (digits.Length < minDigits || digits.Length > 17 || Surroundings.IsDate(value) || Surroundings.IsGroupedThousands(value)
            || Surroundings.IsPhoneShaped(value) || Surroundings.IsAmount(text, span.Start, span.End))
            return null;
        return Surroundings.Mentions(text, span.Start, span.End, words) && Surroundings.NamedBy(text, span.Start, span.End) == kind ? span : null;
    };

    /// <summary>
    /// Nine digits in threes: named a SIN/NAS nearby (any nine digits: a mistyped number is still one), or a SIN an
    /// individual can hold (Luhn-valid, not 0 or 8 first) that no other identifier word or reference word claims.
    /// </summary>
    private static Found? SocialInsuranceNumber(string text, Match m)
    {
        if (Surroundings.IsAmount(text, m.Index, m.Index + m.Length))
            return null;
        var (before, after) = Surroundings.Names(text, m.Index, m.Index + m.Length);
        if ((before ?? after) == Sin)
            return new Found(m.Index, m.Length);
        if (before is not null and not Phone || after == Ssn || Surroundings.IsReference(text, m.Index))
            return null;
        return Checksums.IsSin(Surroundings.Digits(m.ValueSpan)) ? new Found(m.Index, m.Length) : null;
    }

    /// <summary>123-45-6789 in the issued ranges; spaced or unseparated only when an SSN word is nearby.</summary>
    private static Found? SocialSecurityNumber(string text, Match m)
    {
        if (!Checksums.IsSsn(Surroundings.Digits(m.ValueSpan)) || Surroundings.IsAmount(text, m.Index, m.Index + m.Length))
            return null;
        var named = Surroundings.NamedBy(text, m.Index, m.Index + m.Length);
        var dashed = m.ValueSpan.IndexOfAny("-\u2010\u2011\u2012\u2013") >= 0;
        return named == Ssn || dashed && named is null or Phone ? new Found(m.Index, m.Length) : null;
    }

    /// <summary>
    /// Passport numbers only next to the word passport/passeport: a letters-and-digits number may follow or precede
    /// it, nine bare digits must follow it. Two letters that are a word ("in 123456") are not a passport prefix.
    /// </summary>
    private static Found? PassportNumber(string text, Match m)
    {
        var letters = m.Groups["lead"];
        var span = Span(m);
        if (letters.Success && letters.Length == 2 && span.Length > 8 && TwoLetterWords.Contains(letters.Value))
            return null;
        var named = letters.Success ? Surroundings.NamedBy(text, span.Start, span.End) : Surroundings.NamedBefore(text, span.Start);
        return named == Passport ? span : null;
    }

    private static readonly FrozenSet<string> TwoLetterWords = FrozenSet.ToFrozenSet(
    [
        "in", "on", "at", "to", "of", "is", "it", "no", "or", "an", "as", "by", "we", "my", "me", "up", "so", "do", "go", "be",
        "he", "us", "au", "en", "de", "du", "la", "le", "un", "et", "ou", "ne", "se", "ce", "sa", "ma", "ta", "il", "si", "ni",
        "je", "tu", "ex", "am", "pm", "id", "nb", "vs",
    ], StringComparer.OrdinalIgnoreCase);

    // ---- Phones ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// A North American number: area code and exchange not N11 (211, 311, 911…). Ten bare digits in a row are also
    /// many references, so those must not follow a reference word ("case 2024051234") or another identifier's word.
    /// </summary>
    private static Found? NorthAmericanPhone(string text, Match m)
    {
        if (IsN11(m.Groups["area"].ValueSpan) || IsN11(m.Groups["exchange"].ValueSpan) || Surroundings.IsAmount(text, m.Index, m.Index + m.Length))
            return null;
        var bare = !m.Groups["ext"].Success && m.ValueSpan.ContainsAnyExceptInRange('0', '9') is false;
        if (bare && (Surroundings.IsReference(text, m.Index) || Surroundings.NamedBefore(text, m.Index) is not null and not Phone))
            return null;
        return new Found(m.Index, m.Length);
    }

    private static bool IsN11(ReadOnlySpan<char> code) => code.Length == 3 && code[1] == '1' && code[2] == '1';

    /// <summary>+ country code and 8 to 15 digits in all (E.164 allows 15).</summary>
    private static Found? InternationalPhone(string text, Match m)
    {
        var digits = Surroundings.Digits(m.ValueSpan);
        return digits.Length is >= 8 and <= 15 ? new Found(m.Index, m.Length) : null;
    }

    /// <summary>7 to 15 digits that a phone word names ("my cell is 555-0134", "tel 020 7946 0958").</summary>
    private static Found? PhoneNamedAsPhone(string text, Match m)
    {
        var value = m.ValueSpan;
        var digits = Surroundings.Digits(value);
        if (digits.Length is < 7 or > 15 || Surroundings.IsDate(value) || Surroundings.IsGroupedThousands(value) || Surroundings.IsAmount(text, m.Index, m.Index + m.Length))
            return null;
        var end = m.Index + m.Length;
        return Surroundings.Mentions(text, m.Index, end, Patterns.PhoneGate) && Surroundings.NamedBy(text, m.Index, end) == Phone ? new Found(m.Index, m.Length) : null;
    }

    // ---- Postal codes ---------------------------------------------------------------------------------------------

    /// <summary>ZIP+4 alone; a five-digit ZIP only after a state ("Springfield, IL 62704") or the word zip.</summary>
    private static Found? UsZip(string text, Match m)
    {
        if (Surroundings.IsAmount(text, m.Index, m.Index + m.Length))
            return null;
        if (m.Groups["plus4"].Success || Patterns.StateOrZipJustBefore().IsMatch(text.AsSpan(Math.Max(0, m.Index - 40), Math.Min(40, m.Index))))
            return new Found(m.Index, m.Length);
        return null;
    }

    // ---- Street addresses -----------------------------------------------------------------------------------------

    /// <summary>
    /// English order. The name words must be capitalised (or ordinals, "5th"), none of them a function word or a unit
    /// of time or count ("45 minutes on Main Street"). Lower-case names ("22 oak crescent") pass only with an
    /// unambiguous street type and a civic number of two or more digits. The civic number must not be a year
    /// ("in 1999 Main Street…"), a route, exit or page number, nor a small count: after "the" ("the 3 Main Street
    /// crossings", "the 12 Bank Street bus"), or before a noun the street describes ("2 Main Street businesses closed").
    /// </summary>
    private static Found? EnglishAddress(string text, Match m)
    {
        var civic = m.Groups["civic"];
        if (!IsCivicNumber(text, civic))
            return null;
        var civicDigits = CountDigits(civic.ValueSpan);
        if (civicDigits <= 2 && Surroundings.WordBefore(text, civic.Index).Equals("the", StringComparison.OrdinalIgnoreCase))
            return null;
        var start = StartWithUnit(text, m.Index, out var unitBefore);
        if (civicDigits <= 2 && !unitBefore && !m.Groups["unit"].Success && StreetAsAdjectiveNouns.Contains(Surroundings.WordAfter(text, m.Index + m.Length).ToString()))
            return null;
        if (m.Groups["numbered"].Success)
            return civicDigits >= 2 || unitBefore ? new Found(start, m.Index + m.Length - start) : null;

        var lowerCase = false;
        var words = 0;
        foreach (var range in m.Groups["name"].ValueSpan.Trim().Split(' '))
        {
            var word = m.Groups["name"].ValueSpan.Trim()[range].TrimEnd('.');
            if (word.IsEmpty)
                continue;
            words++;
            if (EnglishNameStopWords.Contains(word.ToString()))
                return null;
            if (char.IsUpper(word[0]) || IsOrdinal(word))
                continue;
            if (char.IsDigit(word[0]) || !char.IsLetter(word[0]))
                return null;
            lowerCase = true;
        }
        if (lowerCase && (words > 2 || !UnambiguousEnglishTypes.Contains(m.Groups["type"].Value) || civicDigits < 2 && !unitBefore && !m.Groups["unit"].Success))
            return null;
        return new Found(start, m.Index + m.Length - start);
    }

    /// <summary>
    /// French order. The first name word after the particles must be capitalised; a number only for a route or rang
    /// ("1234, route 132"); lower case only after an unambiguous type ("45 rue principale") with two or more digits, and
    /// not a common word ("la 3e avenue est…", "1 place libre").
    /// </summary>
    private static Found? FrenchAddress(string text, Match m)
    {
        var civic = m.Groups["civic"];
        if (!IsCivicNumber(text, civic))
            return null;
        var start = StartWithUnit(text, m.Index, out var unitBefore);
        var first = m.Groups["first"].ValueSpan;
        var type = m.Groups["type"].Value;
        if (char.IsUpper(first[0]))
            return new Found(start, m.Index + m.Length - start);
        if (char.IsDigit(first[0]))
            return NumberedFrenchTypes.Contains(type) && CountDigits(first) == first.Length ? new Found(start, m.Index + m.Length - start) : null;
        if (!UnambiguousFrenchTypes.Contains(type) || FrenchNameStopWords.Contains(first.ToString()) || CountDigits(civic.ValueSpan) < 2 && !unitBefore)
            return null;
        return new Found(start, m.Index + m.Length - start);
    }

    /// <summary>Not a year introduced as one, not after a route, exit, page or room word, not an amount.</summary>
    private static bool IsCivicNumber(string text, Group civic)
    {
        var before = Surroundings.Before(text, civic.Index, 25);
        if (Patterns.NotCivicWordJustBefore().IsMatch(before))
            return false;
        var value = civic.ValueSpan;
        if (value.Length == 4 && value[0] is '1' or '2' && CountDigits(value) == 4 && Patterns.YearWordJustBefore().IsMatch(before))
            return false;
        return true;
    }

    /// <summary>Extends the start back over a unit written first ("apt 4, 56 Elm Ave").</summary>
    private static int StartWithUnit(string text, int start, out bool found)
    {
        var from = Math.Max(0, start - 24);
        var unit = Patterns.UnitBefore().Match(text, from, start - from);
        found = unit.Success;
        return unit.Success ? unit.Index : start;
    }

    private static int CountDigits(ReadOnlySpan<char> value)
    {
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsDigit(c))
                n++;
        }
        return n;
    }

    private static bool IsOrdinal(ReadOnlySpan<char> word)
    {
        var digits = CountDigits(word);
        if (digits == 0 || digits == word.Length || !char.IsDigit(word[0]))
            return false;
        var suffix = word[digits..];
        return suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("e", StringComparison.OrdinalIgnoreCase) || suffix.Equals("er", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("re", StringComparison.OrdinalIgnoreCase) || suffix.Equals("ème", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Nouns a street name describes when a small number counts them: "2 Main Street businesses", "3 Bank St buses".</summary>
    private static readonly FrozenSet<string> StreetAsAdjectiveNouns = FrozenSet.ToFrozenSet(
    [
        "business", "businesses", "shop", "shops", "store", "stores", "merchant", "merchants", "restaurant", "restaurants", "bar",
        "bars", "resident", "residents", "neighbour", "neighbours", "neighbor", "neighbors", "crossing", "crossings", "light",
        "lights", "lane", "lanes", "sidewalk", "sidewalks", "bus", "buses", "route", "routes", "stop", "stops", "corridor",
        "corridors", "bridge", "bridges", "intersection", "intersections", "closure", "closures", "construction", "project",
        "projects", "detour", "detours", "location", "locations", "branch", "branches", "entrance", "entrances", "exit", "exits",
        "building", "buildings", "property", "properties", "condo", "condos", "tower", "towers", "festival", "festivals",
        "parade", "parades", "event", "events", "lot", "lots", "block", "blocks", "trees", "benches", "signs", "potholes",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> UnambiguousEnglishTypes = FrozenSet.ToFrozenSet(
        ["street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "crescent", "cres"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> UnambiguousFrenchTypes = FrozenSet.ToFrozenSet(
        ["rue", "avenue", "av", "boulevard", "boul", "bd", "blvd", "chemin", "ch", "montée", "montee", "impasse", "allée", "allee", "promenade", "croissant", "ruelle"],
        StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> NumberedFrenchTypes = FrozenSet.ToFrozenSet(["route", "rang", "chemin", "ch"], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> EnglishNameStopWords = FrozenSet.ToFrozenSet(
    [
        "the", "a", "an", "of", "on", "in", "at", "to", "for", "from", "by", "and", "or", "but", "with", "near", "off", "down",
        "up", "along", "across", "into", "onto", "over", "under", "past", "via", "my", "our", "your", "their", "his", "her",
        "its", "this", "that", "these", "those", "is", "was", "were", "are", "be", "been", "has", "have", "had", "will",
        "would", "can", "could", "should", "it", "we", "i", "you", "they", "he", "she", "me", "us", "them", "not", "no",
        "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "time", "times", "kid", "kids", "child", "children", "people", "person", "persons", "car", "cars",
        "bus", "buses", "km", "kms", "mile", "miles", "block", "blocks", "meter", "meters", "metre", "metres", "m", "foot",
        "feet", "ft", "new", "more", "other", "different", "same", "many", "few", "every", "each", "all", "some", "lanes",
        "am", "pm", "a.m", "p.m",
    ], StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> FrenchNameStopWords = FrozenSet.ToFrozenSet(
    [
        "à", "a", "au", "aux", "et", "est", "en", "pour", "par", "qui", "que", "dans", "sur", "avec", "sans", "il", "elle",
        "on", "nous", "vous", "ils", "elles", "je", "j", "ce", "cet", "cette", "ces", "mon", "ma", "mes", "ton", "ta", "tes",
        "son", "sa", "ses", "notre", "votre", "leur", "leurs", "y", "ont", "sont", "était", "étaient", "fermée", "fermé",
        "fermées", "fermés", "bloquée", "bloqué", "barrée", "barré", "plus", "moins", "très", "trop", "pas", "ne", "ici",
        "là", "entre", "vers", "chez", "depuis", "pendant", "après", "avant", "encore", "déjà", "toujours", "jamais",
        "libre", "libres", "disponible", "disponibles", "d'ici", "la", "le", "les", "de", "du", "des",
    ], StringComparer.OrdinalIgnoreCase);
}
