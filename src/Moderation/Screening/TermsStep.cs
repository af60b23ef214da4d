using Engagement.Core.Screening;

namespace Engagement.Moderation.Screening;

/// <summary>
/// Matches the organisation's term lists (<see cref="ScreeningContext.Terms"/>) against the text: a blocked term
/// rejects it ("term.blocked"), a suspect term holds it for a moderator ("term.suspect"). Each reason's detail is the
/// list entry as the admin wrote it, never the author's spelling of it. Matching is on whole words through the usual
/// disguises and never on a fragment of a longer word; see <see cref="TermsMatcher"/>.
/// </summary>
internal sealed class TermsStep : IScreeningStep
{
    public int Order => 300;

    public ValueTask RunAsync(ScreeningContext context, CancellationToken ct)
    {
        var terms = context.Terms;
        if (terms.Blocked.Count == 0 && terms.Suspect.Count == 0)
            return ValueTask.CompletedTask;
        var matcher = TermsMatcher.For(terms);
        if (matcher.IsEmpty)
            return ValueTask.CompletedTask;
        foreach (var term in matcher.Find(TextFolding.Fold(context.Text)))
        {
            if (term.Severity == ReasonSeverity.Reject)
                context.Add("term.blocked", ReasonSeverity.Reject, term.Entry);
            else
                context.Add("term.suspect", ReasonSeverity.Hold, term.Entry);
        }
        return ValueTask.CompletedTask;
    }
}
