using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Screening;
using Engagement.Core.Tallies;

namespace Engagement.Core.Moderation;

/// <summary>
/// Puts a text screening held, or a comment citizens reported, into its organisation's queue, with its risk and reach
/// worked out once.
/// </summary>
public sealed class ModerationQueue(IModerationItemStore items, ITallyStore tallies, TimeProvider clock, ILiveNotifier live)
{
    // Each lost race means another write to the same item landed in between; this many in a row does not happen.
    private const int MaxAttempts = 20;

    /// <remarks>
    /// Written after the text's own record: should the process die in between, the text stays held (never shown) and
    /// unqueued until <see cref="RequeueUnqueuedTexts"/> queues it at the next start.
    /// </remarks>
    /// <summary>Queues a text screening held; false when the text already has an open item, which then stands for it.</summary>
    public async Task<bool> EnqueueHeldAsync(
        string organisationId, TextKind kind, string targetId, string? consultationId, ScreeningResult screening, string language, CancellationToken ct)
    {
        var reach = await ReachAsync(consultationId, ct);
        var item = new ModerationItem
        {
            Id = Ids.New(),
            OrganisationId = organisationId,
            Kind = kind,
            TargetId = targetId,
            ConsultationId = consultationId,
            Text = screening.Text,
            Language = language,
            Source = ModerationSource.Screening,
            Reasons = screening.Reasons,
            Risk = ModerationPriority.Risk(screening.Reasons, new Dictionary<string, int>()),
            Reach = reach,
            Status = ModerationItemStatus.Pending,
            CreatedAt = clock.GetUtcNow(),
            Version = 1,
        };
        if (!await items.TryAddAsync(item, ct))
            return false;
        live.Changed(LiveTopic.ModerationQueue(organisationId));
        return true;
    }

    /// <summary>
    /// Brings a reported comment's report counts onto its open item (its risk recomputed, under the item's version), or,
    /// when it has none and <paramref name="open"/> is set, opens an item for it with <see cref="ModerationSource.Reports"/>.
    /// Returns whether an item was written.
    /// </summary>
    /// <remarks>
    /// An item's counts never go down: of two reports racing, the one that counted fewer may write last, so each reason
    /// keeps the larger of the stored and the new count.
    /// </remarks>
    public async Task<bool> RecordReportsAsync(Comment comment, IReadOnlyDictionary<string, int> reports, bool open, CancellationToken ct)
    {
        var kind = comment.IsReply ? TextKind.Reply : TextKind.Comment;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await items.GetOpenAsync(kind, comment.Id, ct);
            if (current is not null)
            {
                var merged = current.Reports.Keys.Union(reports.Keys)
                    .ToDictionary(k => k, k => Math.Max(current.Reports.GetValueOrDefault(k), reports.GetValueOrDefault(k)), StringComparer.Ordinal);
                if (merged.Count == current.Reports.Count && merged.All(m => current.Reports.GetValueOrDefault(m.Key) == m.Value))
                    return false;
                var updated = current with { Reports = merged, Risk = ModerationPriority.Risk(current.Reasons, merged), Version = current.Version + 1 };
                if (!await items.TryUpdateAsync(updated, current.Version, ct))
                    continue;
            }
            else
            {
                if (!open)
                    return false;
                var item = new ModerationItem
                {
                    Id = Ids.New(),
                    OrganisationId = comment.OrganisationId,
                    Kind = kind,
                    TargetId = comment.Id,
                    ConsultationId = comment.ConsultationId,
                    Text = comment.Text,
                    Language = comment.Language,
                    Source = ModerationSource.Reports,
                    Reasons = [],
                    Reports = reports,
                    Risk = ModerationPriority.Risk([], reports),
                    Reach = await ReachAsync(comment.ConsultationId, ct),
                    Status = ModerationItemStatus.Pending,
                    CreatedAt = clock.GetUtcNow(),
                    Version = 1,
                };
                // False means someone opened an item for the comment in between: the next turn updates that one.
                if (!await items.TryAddAsync(item, ct))
                    continue;
            }
            live.Changed(LiveTopic.ModerationQueue(comment.OrganisationId));
            return true;
        }
        throw new InvalidOperationException($"The moderation item of comment {comment.Id} kept changing under {MaxAttempts} attempts to record its reports.");
    }

    // The consultation's published comments and replies, as a proxy for how many people will see the text.
    private async Task<int> ReachAsync(string? consultationId, CancellationToken ct)
    {
        if (consultationId is null)
            return 0;
        var tally = await tallies.GetAsync(TallyScopes.Consultation(consultationId), ct);
        return (int)Math.Min(int.MaxValue,
            tally[CommentTallies.StatusBucket(false, CommentStatus.Published)] + tally[CommentTallies.StatusBucket(true, CommentStatus.Published)]);
    }
}
