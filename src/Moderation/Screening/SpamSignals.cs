using System.Globalization;
using System.Text;
using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>
/// Signs of spam and flooding:
/// <list type="bullet">
/// <item>links — one or two: Info "spam.link"; <see cref="LinksToHold"/> or more, or any link shortener: Hold "spam.links"; the detail lists the domains;</item>
/// <item>repetition — one character <see cref="RepeatedCharacters"/> times in a row (not spaces or digits), or one word
/// <see cref="RepeatedWords"/> times in a row: Hold "spam.repetition";</item>
/// <item>capitals — at least <see cref="CapsMinLetters"/> letters, <see cref="CapsPercent"/>% or more of them capitals:
/// Info "spam.caps" (shouting, not spam);</item>
/// <item>near-duplicate — a text of at least <see cref="DuplicateMinWords"/> words whose words are
/// <see cref="DuplicateSimilarity"/> similar (Jaccard of the distinct words) to a recent text of anyone in the same
/// organisation: Hold "spam.duplicate" (short texts such as "I agree" are never compared);</item>
/// <item>pace — a participant posting faster than a person can (<see cref="SpamPace"/>): Hold "spam.too_fast".</item>
/// </list>
/// The duplicate and pace windows live in this process's memory (<see cref="SpamRecentTexts"/>, <see cref="SpamPace"/>):
/// a multi-node deployment keeps one window per node. Time is the context's <see cref="ScreeningContext.Now"/>.
/// </summary>
internal sealed class SpamSignals : IScreeningStep
{
    internal const int LinksToHold = 3;
    internal const int RepeatedCharacters = 10;
    internal const int RepeatedWords = 5;
    internal const int CapsMinLetters = 20;
    internal const int CapsPercent = 80;
    internal const int DuplicateMinWords = 8;
    internal const double DuplicateSimilarity = 0.9;
    private const int MaxDomainsListed = 10;

    private readonly SpamRecentTexts _recent;
    private readonly SpamPace _pace;

    public SpamSignals()
        : this(new SpamRecentTexts(), new SpamPace())
    {
    }

    internal SpamSignals(SpamRecentTexts recent, SpamPace pace)
    {
        _recent = recent;
        _pace = pace;
    }

    public int Order => 400;

    public ValueTask RunAsync(ScreeningContext context, CancellationToken ct)
    {
        var text = context.Text;
        var folded = TextFolding.Fold(text);
        Links(context, text);
        Repetition(context, text, folded);
        Capitals(context, text);
        Duplicate(context, folded);
        Pace(context);
        return ValueTask.CompletedTask;
    }

    private static void Links(ScreeningContext context, string text)
    {
        var domains = SpamLinks.Domains(text);
        if (domains.Count == 0)
            return;
        var distinct = domains.Distinct(StringComparer.Ordinal).ToList();
        var listed = string.Join(", ", distinct.Take(MaxDomainsListed)) + (distinct.Count > MaxDomainsListed ? ", …" : "");
        var shorteners = distinct.Where(SpamLinks.IsShortener).ToList();
        var count = domains.Count == 1 ? "1 link" : $"{domains.Count} links";
        if (domains.Count >= LinksToHold || shorteners.Count > 0)
        {
            var why = shorteners.Count > 0 ? $"; link shortener hides the destination ({string.Join(", ", shorteners.Take(MaxDomainsListed))})" : "";
            context.Add("spam.links", ReasonSeverity.Hold, $"{count}: {listed}{why}");
        }
        else
        {
            context.Add("spam.link", ReasonSeverity.Info, $"{count}: {listed}");
        }
    }

    private static void Repetition(ScreeningContext context, string text, FoldedText folded)
    {
        var details = new List<string>(2);

        // The longest run of one character, spaces and digits aside ("1000000000" is a number, not flooding).
        Rune longest = default, current = default;
        int longestRun = 0, run = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsDigit(rune))
            {
                run = 0;
                continue;
            }
            run = run > 0 && rune == current ? run + 1 : 1;
            current = rune;
            if (run > longestRun)
                (longestRun, longest) = (run, rune);
        }
        if (longestRun >= RepeatedCharacters)
            details.Add($"'{longest}' {longestRun} times in a row");

        // The longest run of one word.
        var words = folded.Words;
        int longestWords = 0, wordRun = 0;
        var longestWord = default(FoldedWord);
        for (var w = 0; w < words.Count; w++)
        {
            wordRun = w > 0 && folded.Text.AsSpan(words[w].Start, words[w].Length).SequenceEqual(folded.Text.AsSpan(words[w - 1].Start, words[w - 1].Length))
                ? wordRun + 1
                : 1;
            if (wordRun > longestWords)
                (longestWords, longestWord) = (wordRun, words[w]);
        }
        if (longestWords >= RepeatedWords)
            details.Add($"'{Shorten(folded.Text.Substring(longestWord.Start, longestWord.Length))}' {longestWords} times in a row");

        if (details.Count > 0)
            context.Add("spam.repetition", ReasonSeverity.Hold, string.Join("; ", details));
    }

    private static void Capitals(ScreeningContext context, string text)
    {
        int upper = 0, letters = 0;
        foreach (var c in text)
        {
            if (char.IsUpper(c))
            {
                upper++;
                letters++;
            }
            else if (char.IsLower(c))
            {
                letters++;
            }
        }
        if (letters >= CapsMinLetters && upper * 100 >= letters * CapsPercent)
            context.Add("spam.caps", ReasonSeverity.Info, $"{upper} of {letters} letters in capitals");
    }

    private void Duplicate(ScreeningContext context, FoldedText folded)
    {
        if (SpamRecentTexts.Sign(folded, DuplicateMinWords) is not { } fingerprint)
            return;
        if (_recent.FindAndAdd(context.Input.OrganisationId, fingerprint, context.Now, DuplicateSimilarity) is { } similar
            && similar.Similarity >= DuplicateSimilarity)
        {
            var ago = context.Now - similar.At;
            context.Add("spam.duplicate", ReasonSeverity.Hold,
                string.Create(CultureInfo.InvariantCulture, $"{similar.Similarity:P0} of its words match a text submitted {Ago(ago)} ago"));
        }
    }

    private void Pace(ScreeningContext context)
    {
        if (context.Input.ParticipantId is not { } participant)
            return;
        if (_pace.Record(context.Input.OrganisationId, participant, context.Now, context.Input.Text.Length) is { } why)
            context.Add("spam.too_fast", ReasonSeverity.Hold, why);
    }

    private static string Ago(TimeSpan span) =>
        span < TimeSpan.Zero ? "0 s"
        : span.TotalMinutes < 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0} s")
        : span.TotalHours < 1 ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0} min")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h");

    private static string Shorten(string s) => s.Length <= 20 ? s : string.Concat(s.AsSpan(0, 20), "…");
}
