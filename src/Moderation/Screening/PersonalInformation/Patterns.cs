using System.Text.RegularExpressions;

namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>
/// Every regular expression the masking step uses, generated at build time. Candidate patterns find the shape of an
/// item (its digits, letters and separators); the validators in <see cref="PersonalInformationDetectors"/> then verify
/// check digits, ranges and the words around it. Keyword patterns run only on the short window next to a candidate.
/// All are culture-invariant, avoid nested ambiguous repetition, and give up after <see cref="TimeoutMs"/>.
/// </summary>
internal static partial class Patterns
{
    /// <summary>How long one match may take before the step gives up on that kind for this text and holds it.</summary>
    public const int TimeoutMs = 100;

    private const RegexOptions Plain = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions AnyCase = Plain | RegexOptions.IgnoreCase;

    // Building blocks. Space-like: ordinary, no-break and narrow no-break spaces (French typography). Dash-like:
    // hyphen-minus, hyphen, non-breaking hyphen, figure dash and en dash.
    private const string Sp = @"[ \u00A0\u202F]";
    private const string Dash = @"[\-\u2010-\u2013]";
    private const string SpDash = @"[ \u00A0\u202F\-\u2010-\u2013]";

    /// <summary>Not inside a word or number, not right after a currency sign, not the next group of "12.5" or "3/4".</summary>
    private const string NumberStart = @"(?<![\p{L}\p{N}_$€£¥])(?<!\d[.,/\-\u2010-\u2013])";

    /// <summary>Not followed by more of a word, nor by a decimal or another dotted, dashed or slashed group.</summary>
    private const string NumberEnd = @"(?![\p{L}\p{N}_])(?![.,/\-\u2010-\u2013]\d)";

    /// <summary>Not one group of a longer spaced run of digits ("1 234 567 890 123").</summary>
    private const string NotMidRun = @"(?<!\d[ \u00A0\u202F\-\u2010-\u2013])";

    private const string NoRunAfter = @"(?![ \u00A0\u202F\-\u2010-\u2013]\d)";

    // ---- Email ----------------------------------------------------------------------------------------------------

    /// <summary>name@example.com. The match starts at the "@" (so the search jumps from "@" to "@"); group lead is the local part.</summary>
    [GeneratedRegex(@"(?<=(?<![\p{L}\p{N}._%+\-])(?<lead>[\p{L}\p{N}_%+\-]+(?:\.[\p{L}\p{N}_%+\-]+)*))@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,24}(?![\p{L}\p{N}_\-@])", Plain, TimeoutMs)]
    public static partial Regex Email();

    private const string ObfDot = @"(?:\s*[(\[{<]\s*(?:dot|point)\s*[)\]}>]\s*|\s+(?:dot|point)\s+|\.)";
    private const string ObfWord = @"[\p{L}\p{N}_%+\-]+";

    private const string ObfLocal = @"(?<![\p{L}\p{N}._%+\-'’])(?<lead>" + ObfWord + "(?:" + ObfDot + ObfWord + "){0,3})";

    /// <summary>
    /// "name at example dot com", "nom arobase exemple point ca", "name (at) example (dot) com", "name@example dot com".
    /// The match starts at the "at" (so the search only stops at "a", "(", "[", "{", "&lt;" and "@") and reads the local part
    /// (group lead) in a lookbehind only once an at-word is there.
    /// </summary>
    [GeneratedRegex(@"(?:(?<at>at|arobase)(?<=" + ObfLocal + @"\s+(?:at|arobase))\s+|(?<at>[(\[{<]\s*(?:at|arobase|@)\s*[)\]}>]|@)(?<=" + ObfLocal + @"\s*(?:[(\[{<]\s*(?:at|arobase|@)\s*[)\]}>]|@))\s*)(?<domain>" + ObfWord + "(?:" + ObfDot + ObfWord + "){0,3}?)" + ObfDot + @"(?:com|ca|org|net|gov|edu|fr|uk|io|info|biz)(?![\p{L}\p{N}_\-])", AnyCase, TimeoutMs)]
    public static partial Regex ObfuscatedEmail();

    // ---- IP addresses ---------------------------------------------------------------------------------------------

    private const string Octet = @"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)";

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])" + Octet + @"\." + Octet + @"\." + Octet + @"\." + Octet + @"(?![\p{L}\p{N}_])(?!\.\d)", Plain, TimeoutMs)]
    public static partial Regex IPv4();

    /// <summary>A candidate only (hex groups and colons with "::" or eight groups); System.Net parses it.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_:.])(?=[0-9A-Fa-f:]{0,37}::|(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f])[0-9A-Fa-f:]{2,39}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![\p{L}\p{N}_:])(?!\.\d)", Plain, TimeoutMs)]
    public static partial Regex IPv6();

    // ---- Bank accounts --------------------------------------------------------------------------------------------

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[A-Z]{2}\d{2}(?:" + Sp + "?[A-Z0-9]{4}){2,7}(?:" + Sp + @"?[A-Z0-9]{1,4})?(?![\p{L}\p{N}_])", Plain, TimeoutMs)]
    public static partial Regex Iban();

    /// <summary>The Canadian cheque layout: transit (5) - institution (3) - account (7 to 12).</summary>
    [GeneratedRegex(NumberStart + NotMidRun + @"\d{5}(?<sep>" + SpDash + @")\d{3}\k<sep>\d{7,12}" + NumberEnd + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex CanadianBankAccount();

    /// <summary>Any run of 5 to 17 digits, for the account number a banking word introduces.</summary>
    [GeneratedRegex(NumberStart + NotMidRun + @"\d(?:" + SpDash + @"?\d){4,16}" + NumberEnd + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex DigitRun();

    // ---- Payment cards --------------------------------------------------------------------------------------------

    [GeneratedRegex(NumberStart + NotMidRun + @"\d(?:" + SpDash + @"?\d){12,18}" + NumberEnd + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex CardNumber();

    // ---- Health cards ---------------------------------------------------------------------------------------------

    /// <summary>Ontario and British Columbia layout 1234-567-890, with Ontario's optional two-letter version code.</summary>
    [GeneratedRegex(NumberStart + NotMidRun + @"\d{4}(?<sep>" + SpDash + @"?)\d{3}\k<sep>\d{3}(?:" + SpDash + @"?[A-Z]{2})?(?![\p{L}\p{N}_])(?![.,/\-\u2010-\u2013]\d)" + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex TenDigitHealthNumber();

    /// <summary>Quebec: four letters (name) and eight digits (birth date and a sequence), "ABCD 1234 5678". Group lead: the letters.</summary>
    [GeneratedRegex(@"(?<=(?<![\p{L}\p{N}_])(?<lead>[A-Za-z]{4})" + SpDash + @"?)(?<d1>\d{4})" + SpDash + @"?(?<d2>\d{4})(?![\p{L}\p{N}_])" + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex RamqNumber();

    /// <summary>Other provinces' health numbers (8 to 12 digits, maybe a letter prefix or suffix), only next to a health-card word.</summary>
    [GeneratedRegex(@"(?:(?<=(?<![\p{L}\p{N}_])(?<lead>[A-Za-z]{1,4}" + Dash + @"?))|(?<![\p{L}\p{N}_]))\d(?:" + SpDash + @"?\d){7,11}(?:" + SpDash + @"?[A-Z]{1,2})?(?![\p{L}\p{N}_])(?![.,/]\d)" + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex HealthNumberNearKeyword();

    // ---- Driver's licences ----------------------------------------------------------------------------------------

    /// <summary>Ontario (letter + 14 digits, A1234-56789-01234) and Quebec (letter + 12 digits, A1234-123456-12).</summary>
    [GeneratedRegex(@"(?<=(?<![\p{L}\p{N}_])(?<lead>[A-Za-z]))\d{4}(?<sep>" + SpDash + @"?)(?:\d{5}\k<sep>\d{5}|\d{6}\k<sep>\d{2})(?![\p{L}\p{N}_])(?![.,/\-\u2010-\u2013]\d)" + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex OntarioOrQuebecLicence();

    /// <summary>Any licence-like token with at least one digit, for the number a driver's-licence word introduces.</summary>
    [GeneratedRegex(@"(?:(?<=(?<![\p{L}\p{N}_])(?<lead>[A-Za-z]{1,3}" + Dash + @"?))|(?<![\p{L}\p{N}_]))\d[\dA-Za-z]*(?:" + SpDash + @"(?:[A-Za-z]{1,3}" + Dash + @"?)?\d[\dA-Za-z]*){0,4}(?![\p{L}\p{N}_])(?![.,/]\d)", Plain, TimeoutMs)]
    public static partial Regex LicenceNearKeyword();

    // ---- SIN, SSN, passports --------------------------------------------------------------------------------------

    [GeneratedRegex(NumberStart + NotMidRun + @"\d{3}(?<sep>" + SpDash + @"?)\d{3}\k<sep>\d{3}" + NumberEnd + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex NineDigits();

    [GeneratedRegex(NumberStart + NotMidRun + @"\d{3}(?<sep>" + SpDash + @"?)\d{2}\k<sep>\d{4}" + NumberEnd + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex SsnShape();

    /// <summary>Canadian (AB123456), other one-letter forms and US (nine digits), only next to the word passport.</summary>
    [GeneratedRegex(@"(?:(?<=(?<![\p{L}\p{N}_])(?<lead>[A-Za-z]{2})" + Sp + @"?)\d{6}|(?<=(?<![\p{L}\p{N}_])(?<lead>[A-Za-z]))\d{7,8}|(?<![\p{L}\p{N}_])\d{9})(?![\p{L}\p{N}_])(?![.,/\-\u2010-\u2013]\d)", Plain, TimeoutMs)]
    public static partial Regex PassportNumber();

    // ---- Phones ---------------------------------------------------------------------------------------------------

    /// <summary>North American: (613) 555-0123, 613-555-0123, 613.555.0123, +1 613 555 0123, 1-800-555-0199, with "ext. 12" / "poste 12".</summary>
    [GeneratedRegex(NumberStart + NotMidRun + @"(?<![+])(?:\+?1" + SpDash + @"?[.]?)?(?:\(" + Sp + @"?(?<area>[2-9]\d{2})" + Sp + @"?\)|(?<area>[2-9]\d{2}))(?:" + SpDash + "|[.])?" + Sp + @"?(?<exchange>[2-9]\d{2})(?:" + SpDash + @"|[.])?\d{4}(?![\p{L}\p{N}_])(?![.,/\-\u2010-\u2013]\d)" + NoRunAfter
        + @"(?<ext>\s*,?\s*(?i:ext\.?|extension|x|poste|p\.|#)\s*\d{1,6}(?![\p{L}\p{N}_]))?", Plain, TimeoutMs)]
    public static partial Regex NorthAmericanPhone();

    /// <summary>International with a plus: +44 20 7946 0958, +33 (0)1 23 45 67 89.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+])\+(?>[1-9]\d{0,2})(?:(?:" + SpDash + @"|[.])?(?:\((?>\d{1,4})\)|(?>\d{1,5}))){2,7}(?![\p{L}\p{N}_])(?![.,/\-\u2010-\u2013]\d)", Plain, TimeoutMs)]
    public static partial Regex InternationalPhone();

    /// <summary>French national numbers in pairs: 01 23 45 67 89, 06.12.34.56.78.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+])" + NotMidRun + @"0[1-9](?<sep>[ .\-\u00A0])\d{2}(?:\k<sep>\d{2}){3}(?![\p{L}\p{N}_])" + NoRunAfter + @"(?![.]\d)", Plain, TimeoutMs)]
    public static partial Regex FrenchPhone();

    /// <summary>Any phone-like number of 7 to 15 digits, for the number a phone word introduces (555-0134, 020 7946 0958).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_+$€£])" + NotMidRun + @"\+?\(?\d[\d \u00A0().\-]{5,18}\d(?![\p{L}\p{N}_])(?![.,/\-]\d)", Plain, TimeoutMs)]
    public static partial Regex PhoneNearKeyword();

    // ---- Postal codes ---------------------------------------------------------------------------------------------

    /// <summary>Canada: letters never D F I O Q U; the first never W or Z. "K1A 0B1", "k1a0b1". The match starts after the first letter.</summary>
    [GeneratedRegex(@"(?<=(?<![\p{L}\p{N}_])[ABCEGHJ-NPRSTVXY])\d[ABCEGHJ-NPRSTV-Z](?:" + SpDash + @")?\d[ABCEGHJ-NPRSTV-Z]\d(?![\p{L}\p{N}_])", AnyCase, TimeoutMs)]
    public static partial Regex CanadianPostalCode();

    /// <summary>United Kingdom, capitals only (lower case is too common in prose): SW1A 1AA, M1 1AE, B33 8TH, EC1A 1BB.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?" + Sp + @"?\d[ABD-HJLNP-UW-Z]{2}(?![\p{L}\p{N}_])", Plain, TimeoutMs)]
    public static partial Regex UkPostcode();

    /// <summary>United States: ZIP+4 (12345-6789) alone, a plain ZIP only after a state or the word zip.</summary>
    [GeneratedRegex(NumberStart + NotMidRun + @"\d{5}(?<plus4>" + Dash + @"\d{4})?(?![\p{L}\p{N}_])(?![.,/\-\u2010-\u2013]\d)" + NoRunAfter, Plain, TimeoutMs)]
    public static partial Regex UsZip();

    // ---- Post-office boxes and street addresses ------------------------------------------------------------------

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?:(?i:p\.?" + Sp + @"?o\.?" + Sp + @"?box|post\s+office\s+box|c\." + Sp + @"?p\.|case\s+postale|casier\s+postal|bo[iî]te\s+postale)|CP)" + Sp + @"*(?i:no\.?|n[°º]|#)?" + Sp + @"*\d{1,6}(?![\p{L}\p{N}_])", Plain, TimeoutMs)]
    public static partial Regex PoBox();

    /// <summary>The full stop of an abbreviation ("St.", "O."), unless it also ends the sentence: that one stays in the text.</summary>
    private const string AbbreviationDot = @"(?:\.(?=" + Sp + @"*[\p{Ll}\p{N},;:)\-]))?";

    private const string Civic = @"(?<![\p{L}\p{N}_$€£¥#.,/\-\u2010-\u2013])(?<civic>\d{1,6}[A-Za-z]?(?:" + Sp + "?" + Dash + Sp + @"?\d{1,6}[A-Za-z]?)?)";
    private const string UnitAfter = @"(?<unit>" + Sp + "*,?" + Sp + @"*(?:(?i:apt|apartment|app|unit|suite|ste|bureau|logement)\.?" + Sp + "*#?|#)" + Sp + @"*\d{1,5}[A-Za-z]?(?![\p{L}\p{N}]))?";

    /// <summary>
    /// English order: civic number, one to four name words, street type, maybe a direction and a unit.
    /// "123 Main Street", "apt 4, 56 Elm Ave" (the unit before is found by <see cref="UnitBefore"/>), "12-345 King St W",
    /// "1234 Highway 7". Whether the name words make it an address is the validator's call. Anchored (\G): tried only
    /// where <see cref="AddressStarts"/> finds a number followed by a street type.
    /// </summary>
    [GeneratedRegex(@"\G" + Civic + Sp + @"+(?:(?<numbered>(?i:highway|hwy|county\s+road|regional\s+road|concession\s+road|concession|sideroad))" + Sp + @"+\d{1,4}(?![\p{L}\p{N}])"
        + @"|(?<name>(?:(?>[\p{L}\p{N}][\p{L}\p{N}'’\-]*)\.?" + Sp + @"+){1,4}?)(?<type>(?i:street|st|avenue|ave|av|road|rd|boulevard|blvd|drive|dr|crescent|cres|cr|court|ct|lane|ln|way|place|pl|terrace|terr|circle|cir|parkway|pkwy|highway|hwy|trail|trl|close|gate|square|sq|grove|heights|hts|mews|gardens|gdns|ridge))(?![\p{L}\p{N}'’\-])" + AbbreviationDot + ")"
        + @"(?<dir>" + Sp + @"+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)(?![\p{L}\p{N}\-])" + AbbreviationDot + ")?" + UnitAfter, Plain, TimeoutMs)]
    public static partial Regex EnglishAddress();

    /// <summary>
    /// French order: civic number, street type, name. "45 rue Sainte-Catherine Ouest", "1200 boul. René-Lévesque",
    /// "12, avenue des Pins", "1234, route 132 Est". Further name words must be capitalised, so the sentence after stays.
    /// Anchored (\G): tried only where <see cref="AddressStarts"/> finds a number followed by a street type.
    /// </summary>
    [GeneratedRegex(@"\G" + Civic + Sp + "*,?" + Sp + @"+(?<type>(?i:rue|avenue|av|boulevard|boul|bd|blvd|chemin|ch|rang|route|place|pl|mont[ée]e|c[ôo]te|all[ée]e|impasse|promenade|prom|croissant|terrasse|carr[ée]|ruelle|sentier))(?![\p{L}\p{N}'’\-])\.?" + Sp + "+"
        + @"(?<name>(?:(?i:(?:de" + Sp + "+la|des|de|du|la|les|le)" + Sp + "+|(?:de" + Sp + @"+l|d|l)['’]" + Sp + @"*))?(?<first>(?>[\p{L}\p{N}][\p{L}\p{N}'’\-]*))(?:" + Sp + "+(?:(?i:(?:de|du|des|la|le|les)" + Sp + @"+|[dl]['’]))?(?>[\p{Lu}\p{N}][\p{L}\p{N}'’\-]*)){0,4})"
        + @"(?<dir>" + Sp + @"+(?:ouest|nord|sud|O|E|N|S)(?![\p{L}\p{N}\-])" + AbbreviationDot + ")?" + UnitAfter, Plain, TimeoutMs)]
    public static partial Regex FrenchAddress();

    /// <summary>
    /// A unit written before the civic number, run on the text just before it: "apt 4, 56 Elm Ave", or the unit word
    /// alone when the civic number carries the unit ("apt. 12 - 4500 ch. …").
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?:(?i:apt|apartment|app|appartement|unit|suite|ste|bureau|logement)\.?" + Sp + "*#?|#)" + Sp + @"*(?:\d{1,5}[A-Za-z]?" + Sp + "*[,\\-\u2013]?" + Sp + @"*)?\z", Plain, TimeoutMs)]
    public static partial Regex UnitBefore();

    // ---- Gates: a detector that needs a word nearby runs only when the text contains one of these anywhere -----------
    // Plain substring searches (vectorised, case-insensitive): far cheaper than a regex over the whole text, and
    // loose on purpose ("tel" in "hotel" only means the detector runs; its validator still wants the word itself).

    public static System.Buffers.SearchValues<string> BankGate { get; } = Gate(
        "account", "acct", "transit", "institution", "compte", "folio", "iban", "rib", "chequing", "checking", "savings", "deposit",
        "dépôt", "depot", "routing", "épargne", "epargne");

    public static System.Buffers.SearchValues<string> PhoneGate { get; } = Gate(
        "phone", "tel", "tél", "cell", "cel ", "mobile", "portable", "call", "text", "appel", "joindre", "joignable", "fax", "copieur", "whatsapp");

    public static System.Buffers.SearchValues<string> HealthGate { get; } = Gate(
        "health", "ohip", "ramq", "phn", "nam", "msp", "ahcip", "mcp", "hsn", "care card", "carecard", "medicare", "carte", "maladie");

    public static System.Buffers.SearchValues<string> LicenceGate { get; } = Gate("driver", "driving", "permis", "dl");

    public static System.Buffers.SearchValues<string> PassportGate { get; } = Gate("passport", "passeport");

    public static System.Buffers.SearchValues<string> SinGate { get; } = Gate("sin", "nas", "s.i.n", "n.a.s", "insurance", "assurance");

    public static System.Buffers.SearchValues<string> SsnGate { get; } = Gate("ssn", "security", "sécurité", "securite");

    public static System.Buffers.SearchValues<string> ReferenceGate { get; } = Gate(
        "case", "file", "dossier", "ticket", "ref", "réf", "confirmation", "order", "commande", "invoice", "facture", "claim", "clamation",
        "application", "demande", "request", "requ", "tracking", "suivi", "transaction", "receipt", "reçu", "recu", "serial", "série",
        "serie", "model", "modèle", "lot", "permit", "member", "membre", "customer", "client", "policy", "police", "contract",
        "contrat", "roll", "matricule", "student", "tudiant", "employ", "parcel", "colis", "incident", "report", "rapport", "#");

    public static System.Buffers.SearchValues<string> PoBoxGate { get; } = Gate("box", "postal", "c.p", "c. p", "cp");

    /// <summary>
    /// English street types as they appear after a name: the long ones anywhere, the short ones (St, Dr, Ave…) only as a
    /// word. A text ending in a short type ("…45 Elm Ave") is let through by <see cref="EndsWithStreetType"/>.
    /// </summary>
    public static System.Buffers.SearchValues<string> EnglishStreetGate { get; } = Gate(
    [
        "street", "avenue", "road", "boulevard", "drive", "crescent", "court", "lane", "place", "terrace", "circle", "parkway",
        "highway", "trail", "close", "gate", "square", "grove", "heights", "mews", "gardens", "ridge", "concession", "sideroad",
        .. Words(["st", "ave", "av", "rd", "blvd", "dr", "cres", "cr", "ct", "ln", "way", "pl", "terr", "cir", "pkwy", "hwy", "trl", "sq", "hts", "gdns"]),
    ]);

    /// <summary>French street types, each after a space ("45 rue", "1200, boul."): the type follows the civic number.</summary>
    public static System.Buffers.SearchValues<string> FrenchStreetGate { get; } = Gate(
    [
        " rue", " avenue", " boulevard", " boul", " blvd", " chemin", " rang", " route", " place", " montée", " montee", " côte",
        " cote", " allée", " allee", " impasse", " promenade", " prom", " croissant", " terrasse", " carré", " carre", " ruelle",
        " sentier", .. Words(["av", "bd", "ch", "pl"]),
    ]);

    private static readonly string[] ShortEnglishTypes = ["st", "ave", "av", "rd", "blvd", "dr", "cres", "cr", "ct", "ln", "way", "pl", "terr", "cir", "pkwy", "hwy", "trl", "sq", "hts", "gdns"];

    /// <summary>True when the text's last word is a short English street type ("…at 45 Elm Ave.").</summary>
    public static bool EndsWithStreetType(string text)
    {
        var end = text.AsSpan().TrimEnd(" .,;:!?)\n\r\t");
        var start = end.Length;
        while (start > 0 && char.IsLetter(end[start - 1]))
            start--;
        var word = end[start..];
        foreach (var type in ShortEnglishTypes)
        {
            if (word.Equals(type, StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>" st ", " st.", " st," …: a short word with a space before it and a space or punctuation after it.</summary>
    private static IEnumerable<string> Words(string[] words) =>
        words.SelectMany(w => new[] { " ", ".", ",", ";", ")", "\n" }.Select(after => " " + w + after));

    private static System.Buffers.SearchValues<string> Gate(params string[] words) => System.Buffers.SearchValues.Create(words, StringComparison.OrdinalIgnoreCase);

    // ---- Words around a candidate ---------------------------------------------------------------------------------

    [GeneratedRegex(@"(?-i:\bSINs?\b|\bNAS\b)|\bS\.I\.N\b|\bN\.A\.S\b|\bsocial\s+insurance\b|\bassurance[\s\-]+sociale\b", AnyCase, TimeoutMs)]
    public static partial Regex SinWords();

    [GeneratedRegex(@"(?-i:\bSSNs?\b)|\bsocial\s+security\b|\bs[ée]curit[ée]\s+sociale\b", AnyCase, TimeoutMs)]
    public static partial Regex SsnWords();

    [GeneratedRegex(@"\bpass(?:e)?ports?\b", AnyCase, TimeoutMs)]
    public static partial Regex PassportWords();

    [GeneratedRegex(@"\bhealth[\s\-]*(?:card|number|insurance|services|care\s+card)|\b(?-i:OHIP|RAMQ|PHN|NAM|MSP|AHCIP|MCP|HSN)\b|\bcare\s*card\b|\bmedicare\b|\bcarte[\s\-]+(?:sant[ée]|soleil|d['’]\s*assurance[\s\-]+maladie)|\bassurance[\s\-]+maladie\b", AnyCase, TimeoutMs)]
    public static partial Regex HealthWords();

    [GeneratedRegex(@"\bdriver(?:['’]?s)?\s+licen[cs]es?\b|\bdriving\s+licen[cs]es?\b|\bpermis\s+de\s+condui(?:re|te)\b|(?-i:\bDL\b)", AnyCase, TimeoutMs)]
    public static partial Regex LicenceWords();

    [GeneratedRegex(@"\bbank(?:ing)?\s+account|\baccount\s*(?:number|no\b|num\b|#)|\bacct\b|(?-i:\bIBAN\b|\bRIB\b)|\bcheq?uing\b|\bchecking\b|\bsavings\b|\bdirect\s+deposit|\brouting\b|\bcompte\s+(?:bancaire|ch[èe]ques?|d['’]\s*[ée]pargne|courant)|\bnum[ée]ro\s+de\s+compte|\bno\.?\s+de\s+compte|\bd[ée]p[ôo]t\s+direct|\b(?:mon|ton|son|notre|votre|leur|le|du|au|ce)\s+compte\b|\b(?:my|our|the|his|her|their|your|old|new)\s+(?:bank\s+)?account\b|\btransit\s*(?:number|no\b|#|:)|\bnum[ée]ro\s+de\s+transit|\binstitution\s*(?:number|no\b|#|:)", AnyCase, TimeoutMs)]
    public static partial Regex BankWords();

    /// <summary>A banking word right before the number ("account 1234567", "transit 12345", "compte no 123456").</summary>
    [GeneratedRegex(@"\b(?:account|acct|transit|institution|compte|folio)" + Sp + @"*(?:no\.?|n[°º]|#|number|num[ée]ro)?" + Sp + @"*[:#]?" + Sp + @"*\z", AnyCase, TimeoutMs)]
    public static partial Regex BankWordJustBefore();

    [GeneratedRegex(@"\b(?:phones?|tel|t[ée]l|telephone|t[ée]l[ée]phone|cell|cellphone|cellulaire|cel|mobile|portable|call|calling|text|texte[rz]?|appel(?:ez|er|le)|rappel(?:ez|er)|joindre|joignable|rejoindre|rejoignez|fax|t[ée]l[ée]copieur|whatsapp)\b", AnyCase, TimeoutMs)]
    public static partial Regex PhoneWords();

    /// <summary>Words that make a number a reference rather than a person's (case 123456782, ticket #...).</summary>
    [GeneratedRegex(@"\b(?:case|file|dossier|ticket|ref|reference|r[ée]f[ée]rence|confirmation|order|commande|invoice|facture|claim|r[ée]clamation|application|demande|request|requ[êe]te|tracking|suivi|transaction|receipt|re[çc]u|serial|s[ée]rie|model|mod[èe]le|lot|permit|member|membre|customer|client|policy|police|contract|contrat|roll|matricule|student|[ée]tudiant|employee|employ[ée]|parcel|colis|incident|report|rapport)\b|#" + Sp + @"*\z", AnyCase, TimeoutMs)]
    public static partial Regex ReferenceWords();

    /// <summary>Words that make a dotted quad a version or a section number ("version 10.0.0.1", "section 4.2.1.3").</summary>
    [GeneratedRegex(@"(?:\b(?:version|ver|v|build|release|section|sect|article|art|clause|paragraph|paragraphe|par|item|point|chapter|chapitre|figure|fig|table|tableau|annex|annexe|r[èe]glement|bylaw|windows|ios|android|macos|firmware|update|step|[ée]tape|rule|r[èe]gle|no)\.?|§)" + Sp + @"*\z", AnyCase, TimeoutMs)]
    public static partial Regex VersionWordJustBefore();

    /// <summary>A US state right before a plain ZIP ("Springfield, IL "), or the word zip.</summary>
    [GeneratedRegex(@"(?:[\p{Lu}][\p{L}.'’\-]*,?" + Sp + @"+(?:AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR)|(?i:\bzip(?:" + Sp + @"*code)?(?:" + Sp + @"+is)?" + Sp + @"*:?))" + Sp + @"*\z", Plain, TimeoutMs)]
    public static partial Regex StateOrZipJustBefore();

    /// <summary>A year introduced as one ("in 1999", "since 2015", "depuis 2015") rather than a civic number.</summary>
    [GeneratedRegex(@"\b(?:in|since|by|until|till|from|before|after|during|of|circa|around|en|depuis|avant|apr[èe]s|d[èe]s|jusqu['’]en|vers|summer|winter|spring|fall|autumn|[ée]t[ée]|hiver|printemps|automne)" + Sp + @"*\z", AnyCase, TimeoutMs)]
    public static partial Regex YearWordJustBefore();

    /// <summary>Words after which a number is a route, exit, page or room, not a civic number.</summary>
    [GeneratedRegex(@"\b(?:bus|buses|route|routes|line|ligne|lignes|autobus|exit|exits|sortie|sorties|highway|hwy|autoroute|page|pages|item|section|room|salle|local|gate|porte|platform|quai|chapter|chapitre|article|level|niveau|floor|[ée]tage|grade|step|[ée]chelon|ward|district|question|lot|tome|volume|vol)\.?" + Sp + @"*#?" + Sp + @"*\z", AnyCase, TimeoutMs)]
    public static partial Regex NotCivicWordJustBefore();
}
