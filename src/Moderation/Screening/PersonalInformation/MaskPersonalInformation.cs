using System.Text;
using System.Text.RegularExpressions;
using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening.PersonalInformation;

/// <summary>
/// Screening step 200: replaces personal information in the text with a placeholder that keeps the sentence readable
/// ("call me at [phone]") before the text is stored or shown. The original is not kept anywhere. Records one Info
/// reason per kind found ("pii.email", "2 email addresses masked"): a masked text is fine to publish. If a pattern
/// runs out of time on a hostile text, what that pattern found stays unmasked and a Hold reason ("pii.timeout") asks
/// a person to look. Never throws on any string.
/// </summary>
/// <remarks>
/// Placeholders are English in every language — "[email]", "[phone]", "[postal code]", "[SIN]", "[SSN]",
/// "[card number]", "[passport]", "[health card]", "[driver's licence]", "[bank account]", "[IP address]",
/// "[PO box]", "[address]" — one set, so readers and moderators learn one vocabulary. Detection works on the text as
/// submitted; it does not rely on the normalise step having run.
/// </remarks>
internal sealed class MaskPersonalInformation : IScreeningStep
{
    public const string TimeoutCode = "pii.timeout";

    private readonly IReadOnlyList<PersonalInformationDetector> _detectors;

    public MaskPersonalInformation()
        : this(PersonalInformationDetectors.All)
    {
    }

    /// <summary>With other detectors: for tests (a pattern that times out).</summary>
    internal MaskPersonalInformation(IReadOnlyList<PersonalInformationDetector> detectors) => _detectors = detectors;

    public int Order => 200;

    public ValueTask RunAsync(ScreeningContext context, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        var masked = Mask(context.Text);
        context.Text = masked.Text;
        foreach (var reason in masked.Reasons)
            context.Add(reason);
        return ValueTask.CompletedTask;
    }

    /// <summary>The text with every item found replaced, and the reasons to record.</summary>
    public MaskedText Mask(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return new MaskedText(text ?? "", []);
        // Detection reads a copy with other scripts' digits and full-width forms folded to ASCII, one character for one
        // character, so "６１３-５５５-０１２３" is found at the same positions; the replacement is made in the original.
        var scan = Fold(text);
        var facts = TextFacts.Of(scan);
        if (facts.LongestNumber == 0 && !facts.MayHaveWrittenOutEmail && !facts.HasAtSign)
            return new MaskedText(text, []);

        var taken = new TakenSpans();
        var added = new List<Found>();
        HashSet<PersonalInformationKind>? timedOut = null;
        foreach (var detector in _detectors)
        {
            if (!detector.MayFindIn(facts))
                continue;
            added.Clear();
            try
            {
                detector.FindAll(scan, taken, added);
            }
            catch (RegexMatchTimeoutException)
            {
                // Withdraw what this detector found here (it masks a text whole or not at all) and have a person look.
                foreach (var found in added)
                    taken.Remove(found);
                (timedOut ??= []).Add(detector.Kind);
            }
        }

        var reasons = new List<ScreeningReason>();
        var result = taken.Count == 0 ? text : Replace(text, taken, reasons);
        if (timedOut is not null)
        {
            var kinds = string.Join(", ", PersonalInformationKinds.All.Where(timedOut.Contains).Select(k => k.Plural()));
            reasons.Add(new ScreeningReason(TimeoutCode, ReasonSeverity.Hold, $"Looking for {kinds} took too long; check this text for personal information by hand."));
        }
        return new MaskedText(result, reasons);
    }

    /// <summary>
    /// The text with decimal digits of any script as 0–9, full-width ASCII forms (U+FF01–U+FF5E) as ASCII and the minus
    /// sign as a hyphen; the same string when there is nothing to fold. Never changes the length.
    /// </summary>
    internal static string Fold(string text)
    {
        var first = text.AsSpan().IndexOfAnyExceptInRange('\0', '\u007F');
        if (first < 0)
            return text;
        char[]? folded = null;
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            var to = c switch
            {
                <= '\u007F' => c,
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u2212' => '-',
                _ when char.IsDigit(c) => (char)('0' + (int)char.GetNumericValue(c)),
                _ => c,
            };
            if (to == c)
                continue;
            folded ??= text.ToCharArray();
            folded[i] = to;
        }
        return folded is null ? text : new string(folded);
    }

    private static string Replace(string text, TakenSpans taken, List<ScreeningReason> reasons)
    {
        Span<int> counts = stackalloc int[PersonalInformationKinds.All.Count];
        var builder = new StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < taken.Count; i++)
        {
            var (span, kind) = taken[i];
            builder.Append(text, at, span.Start - at).Append(kind.Placeholder());
            at = span.End;
            counts[(int)kind]++;
        }
        builder.Append(text, at, text.Length - at);
        foreach (var kind in PersonalInformationKinds.All)
        {
            if (counts[(int)kind] > 0)
                reasons.Add(new ScreeningReason(kind.Code(), ReasonSeverity.Info, kind.Detail(counts[(int)kind])));
        }
        return builder.ToString();
    }
}

/// <summary>A text after masking, and the reasons (one per kind masked, and any timeout).</summary>
internal sealed record MaskedText(string Text, IReadOnlyList<ScreeningReason> Reasons);
