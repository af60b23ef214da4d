namespace Engagement.Core.Screening;

/// <summary>
/// One step of the screening pipeline. Steps run in their <see cref="Order"/>; each reads and may rewrite the text in
/// the <see cref="ScreeningContext"/> (masking personal information) and records a <see cref="ScreeningReason"/> for
/// everything it finds. A step never throws on any input: a string it cannot make sense of is simply not flagged.
/// </summary>
public interface IScreeningStep
{
    /// <summary>Lower runs first: normalising (100), masking personal information (200), terms (300), spam (400), abuse model (500).</summary>
    int Order { get; }

    ValueTask RunAsync(ScreeningContext context, CancellationToken ct);
}

/// <summary>How serious a reason is; the pipeline's outcome follows the most serious one.</summary>
public enum ReasonSeverity
{
    /// <summary>Recorded for the audit trail (a masked email, a link); publishing is still fine.</summary>
    Info,

    /// <summary>A person should look before anyone else sees the text.</summary>
    Hold,

    /// <summary>The text is refused.</summary>
    Reject,
}

/// <summary>Why a step flagged a text: a stable code ("pii.email", "term.blocked", "spam.links"), its severity and a short detail for moderators.</summary>
public sealed record ScreeningReason(string Code, ReasonSeverity Severity, string Detail);

/// <summary>The organisation's word lists, as screening reads them: blocked terms reject, suspect terms hold.</summary>
public sealed record ScreeningTerms(IReadOnlyList<string> Blocked, IReadOnlyList<string> Suspect)
{
    public static ScreeningTerms None { get; } = new([], []);
}

/// <summary>
/// The text on its way through the pipeline: the input as submitted, the text as it will be stored (steps rewrite it,
/// e.g. masking), the organisation's terms and every reason recorded so far.
/// </summary>
public sealed class ScreeningContext(TextToScreen input, ScreeningTerms terms, DateTimeOffset now)
{
    private readonly List<ScreeningReason> _reasons = [];

    public TextToScreen Input { get; } = input;

    /// <summary>The text to store and show: starts as submitted; masking steps replace parts of it.</summary>
    public string Text { get; set; } = input.Text;

    public ScreeningTerms Terms { get; } = terms;

    /// <summary>When the text was submitted, for steps that judge pace (a participant posting faster than a person can).</summary>
    public DateTimeOffset Now { get; } = now;

    public IReadOnlyList<ScreeningReason> Reasons => _reasons;

    public void Add(ScreeningReason reason) => _reasons.Add(reason);

    public void Add(string code, ReasonSeverity severity, string detail) => _reasons.Add(new ScreeningReason(code, severity, detail));

    /// <summary>The outcome the reasons so far call for: reject over hold over publish.</summary>
    public ScreeningOutcome Outcome =>
        _reasons.Any(r => r.Severity == ReasonSeverity.Reject) ? ScreeningOutcome.Reject
        : _reasons.Any(r => r.Severity == ReasonSeverity.Hold) ? ScreeningOutcome.Hold
        : ScreeningOutcome.Publish;
}
