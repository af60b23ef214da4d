using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Screening;
using Engagement.Core.Tallies;

namespace Engagement.Core.Moderation;

/// <summary>Puts a text screening held into its organisation's queue, with its risk and reach worked out once.</summary>
public sealed class ModerationQueue(IModerationItemStore items, ITallyStore tallies, TimeProvider clock, ILiveNotifier live)
{
    /// <remarks>
    /// Written after the text's own record: should the process die in between, the text stays held (never shown) but
    /// unqueued until it is queued again; a start-up sweep for such texts is still to come.
    /// </remarks>
    public async Task EnqueueHeldAsync(
        string organisationId, TextKind kind, string targetId, string? consultationId, ScreeningResult screening, string language, CancellationToken ct)
    {
        var reach = 0;
        if (consultationId is not null)
        {
            var tally = await tallies.GetAsync(TallyScopes.Consultation(consultationId), ct);
            reach = (int)Math.Min(int.MaxValue,
                tally[CommentTallies.StatusBucket(false, CommentStatus.Published)] + tally[CommentTallies.StatusBucket(true, CommentStatus.Published)]);
        }
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
        // False means the text already has an open item, which then stands for it.
        await items.TryAddAsync(item, ct);
        live.Changed(LiveTopic.ModerationQueue(organisationId));
    }
}
