using Engagement.Core.Backlog;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Email;
using Engagement.Core.Insights;
using Engagement.Core.Organisations;
using Engagement.Core.Screening;

namespace Engagement.Core.FollowUps;

/// <summary>"You said, we did": the email telling a contributor that an improvement their feedback backed has shipped.</summary>
/// <param name="Subject">The service's or consultation's name in the email's language, when the item concerns one.</param>
/// <param name="PageUrl">The public page where the note is shown, when there is one.</param>
public sealed record ImprovementShippedEmail(string Language, string ItemTitle, string PublicNote, string? Subject, string? PageUrl) : EmailTemplate(Language);

/// <summary>
/// What closing a backlog item does for the people behind its evidence. Shipping writes one email to each address that
/// opted in for a contribution behind the item (directly, or through a theme it links), in the contribution's language;
/// shipping or declining then deletes those addresses, their purpose served. Computed as the item's write effects, so
/// the emails and deletions commit with the status change or not at all.
/// </summary>
public sealed class ClosingTheLoop(
    IFollowUpStore followUps, IThemeStore themes, IEmailSuppressionStore suppressions, IServiceStore services, IConsultationStore consultations,
    EmailComposer composer, PublicLinks links, TimeProvider clock)
{
    /// <summary>The write effects of a change from <paramref name="before"/> to <paramref name="after"/>.</summary>
    public async Task<BacklogWrite> EffectsAsync(BacklogItem before, BacklogItem after, CancellationToken ct)
    {
        var write = BacklogWrite.Between(before, after);
        if (before.Status == after.Status || after.Status is not (BacklogStatus.Shipped or BacklogStatus.Declined))
            return write;
        var waiting = await followUps.ListForContributionsAsync(after.OrganisationId, await ContributionsOfAsync(after, ct), clock.GetUtcNow(), ct);
        if (waiting.Count == 0)
            return write;
        write = write with { SpentFollowUps = [.. waiting.Select(f => f.Id)] };
        if (after.Status != BacklogStatus.Shipped)
            return write;

        // One email per address, in the language of its latest contribution; none to an address that unsubscribed.
        var byAddress = waiting.GroupBy(f => f.Address, StringComparer.Ordinal).Select(g => g.MaxBy(f => f.CreatedAt)!).ToList();
        var suppressed = await suppressions.SuppressedAsync(MailingList.FollowUps, [.. byAddress.Select(f => EmailAddresses.Hash(f.Address))], ct);
        var emails = new List<EmailMessage>();
        foreach (var followUp in byAddress.Where(f => !suppressed.Contains(EmailAddresses.Hash(f.Address))))
        {
            var (subject, page) = await WhereAsync(after, followUp.Language, ct);
            var template = new ImprovementShippedEmail(followUp.Language, after.Title, after.PublicNote ?? "", subject, page);
            // The id is the idempotency key: the same item and address always make the same message.
            var id = $"shipped.{after.Id}.{EmailAddresses.Hash(followUp.Address)[..16]}";
            emails.Add(composer.Compose(id, followUp.Address, null, template, MailingList.FollowUps));
        }
        return write with { Emails = emails };
    }

    /// <summary>The ids of the contributions behind an item: its texts, and the texts of the themes it links as the latest snapshot holds them.</summary>
    private async Task<IReadOnlyCollection<string>> ContributionsOfAsync(BacklogItem item, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in item.Evidence)
        {
            if (ContributionOf(e.Kind, e.TargetId) is { } id)
                ids.Add(id);
        }
        var themeIds = item.Evidence.Where(e => e.Kind == EvidenceKind.Theme).Select(e => e.TargetId).ToHashSet(StringComparer.Ordinal);
        if (themeIds.Count > 0 && await themes.GetAsync(item.OrganisationId, ct) is { } snapshot)
        {
            foreach (var (key, themeId) in snapshot.ThemeOfText)
            {
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                if (themeIds.Contains(themeId) && colon > 0 && Enum.TryParse<TextKind>(key[..colon], out var kind)
                    && ContributionOf(EvidenceSources.KindOf(kind), key[(colon + 1)..]) is { } id)
                    ids.Add(id);
            }
        }
        return ids;
    }

    /// <summary>The contribution a text belongs to: a survey answer ("response/question") belongs to its response.</summary>
    private static string? ContributionOf(EvidenceKind kind, string targetId) => kind switch
    {
        EvidenceKind.Comment or EvidenceKind.Reply or EvidenceKind.RatingComment => targetId,
        EvidenceKind.SurveyAnswer => targetId.Split('/')[0],
        _ => null,
    };

    private async Task<(string? Subject, string? PageUrl)> WhereAsync(BacklogItem item, string language, CancellationToken ct)
    {
        if (item.ServiceId is { } serviceId && await services.GetAsync(serviceId, ct) is { } service)
            return (service.Name.In(language), links.To($"/{language}/services/{Uri.EscapeDataString(service.Id)}"));
        if (item.ConsultationId is { } consultationId && await consultations.GetAsync(consultationId, ct) is { } consultation)
            return (consultation.Title.In(language), links.To($"/{language}/consultations/{Uri.EscapeDataString(consultation.Id)}"));
        return (null, null);
    }
}
