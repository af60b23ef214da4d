using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Screening;

namespace Engagement.Core.Backlog;

/// <summary>A record to link as evidence: its kind and id.</summary>
public sealed record EvidenceRef(EvidenceKind Kind, string TargetId);

/// <summary>
/// Turns evidence references into evidence, from what insights hold: texts insights have read (public and tagged),
/// the organisation's current themes, and its drift alerts. Anything of another organisation, or unknown, is an error
/// naming it, so nothing is linked by guesswork.
/// </summary>
public sealed class EvidenceSources(IThemeStore themes, IDriftAlertStore alerts)
{
    public const int ExcerptLength = 280;

    public async Task<Result<IReadOnlyList<Evidence>>> ResolveAsync(string organisationId, IReadOnlyList<EvidenceRef> refs, Actor actor, CancellationToken ct)
    {
        var errors = new List<Error>();
        var found = new List<Evidence>();
        var textRefs = refs.Where(r => r.Kind is EvidenceKind.Comment or EvidenceKind.Reply or EvidenceKind.SurveyAnswer or EvidenceKind.RatingComment).ToList();
        var texts = textRefs.Count == 0 ? [] : (await themes.GetTextsAsync(organisationId, [.. textRefs.Select(r => $"{TextKindOf(r.Kind)}:{r.TargetId}")], ct))
            .ToDictionary(t => t.Key, StringComparer.Ordinal);
        ThemeSnapshot? snapshot = null;
        for (var i = 0; i < refs.Count; i++)
        {
            var r = refs[i];
            var field = $"evidence.{i}";
            switch (r.Kind)
            {
                case EvidenceKind.Theme:
                    snapshot ??= await themes.GetAsync(organisationId, ct);
                    if (snapshot?.Themes.FirstOrDefault(t => t.Id == r.TargetId) is { } theme)
                    {
                        found.Add(new Evidence
                        {
                            Kind = r.Kind, TargetId = r.TargetId, Weight = Math.Max(1, theme.Count), NegativeShare = theme.NegativeShare,
                            Excerpt = theme.Name, At = snapshot.RefreshedAt, AddedBy = actor.Id,
                        });
                    }
                    else
                        errors.Add(new Error(field, ErrorCodes.NotFound, "There is no such theme in this organisation's current themes."));
                    break;
                case EvidenceKind.DriftAlert:
                    if (await alerts.GetAsync(r.TargetId, ct) is { } alert && alert.OrganisationId == organisationId)
                    {
                        found.Add(new Evidence
                        {
                            Kind = r.Kind, TargetId = r.TargetId, Weight = (int)Math.Clamp(alert.RecentCount, 1, int.MaxValue),
                            NegativeShare = alert.Metric == DriftMetric.NegativeShare ? alert.Observed : null,
                            Excerpt = $"{alert.Subject} {alert.Metric}: {alert.Observed:0.###} against {alert.Baseline:0.###}",
                            At = alert.RaisedAt, AddedBy = actor.Id,
                        });
                    }
                    else
                        errors.Add(new Error(field, ErrorCodes.NotFound, "There is no such drift alert in this organisation."));
                    break;
                default:
                    if (texts.TryGetValue($"{TextKindOf(r.Kind)}:{r.TargetId}", out var text))
                        found.Add(FromText(text, actor));
                    else
                        errors.Add(new Error(field, ErrorCodes.NotFound, "There is no such public text in this organisation (texts are linked once insights have read them)."));
                    break;
            }
        }
        return errors.Count > 0 ? Result<IReadOnlyList<Evidence>>.Fail(errors) : found;
    }

    /// <summary>Evidence from a text in hand (a moderator promoting the text of a queue item).</summary>
    public static Evidence FromText(TextKind kind, string targetId, string text, SentimentLabel? label, DateTimeOffset at, Actor actor) => new()
    {
        Kind = KindOf(kind), TargetId = targetId, Weight = 1,
        NegativeShare = label is null or SentimentLabel.Unknown ? null : label == SentimentLabel.Negative ? 1 : 0,
        Excerpt = text.Length <= ExcerptLength ? text : text[..ExcerptLength] + "…", At = at, AddedBy = actor.Id,
    };

    private static Evidence FromText(PublicText text, Actor actor) => FromText(text.Kind, text.TargetId, text.Text, text.Label, text.At, actor);

    public static EvidenceKind KindOf(TextKind kind) => kind switch
    {
        TextKind.Comment => EvidenceKind.Comment,
        TextKind.Reply => EvidenceKind.Reply,
        TextKind.SurveyAnswer => EvidenceKind.SurveyAnswer,
        _ => EvidenceKind.RatingComment,
    };

    private static TextKind TextKindOf(EvidenceKind kind) => kind switch
    {
        EvidenceKind.Comment => TextKind.Comment,
        EvidenceKind.Reply => TextKind.Reply,
        EvidenceKind.SurveyAnswer => TextKind.SurveyAnswer,
        _ => TextKind.RatingComment,
    };
}
