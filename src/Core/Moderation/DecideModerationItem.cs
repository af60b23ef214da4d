using Engagement.Core.Audit;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Screening;

namespace Engagement.Core.Moderation;

/// <summary>What a moderator does with a claimed item.</summary>
public enum ModerationAction
{
    Approve,

    /// <summary>Refuse, with a reason the author is shown.</summary>
    Reject,

    /// <summary>Pass it to an admin; the item stays open, unclaimed, marked escalated.</summary>
    Escalate,

    /// <summary>Approve and record it as evidence for the improvement backlog.</summary>
    Promote,
}

/// <summary>
/// A moderator decides an item they hold a live claim on: the text's own status follows (a comment is published or
/// rejected), the item leaves the queue (or, escalated, waits for an admin), and the decision is audited with who and why.
/// </summary>
public sealed class DecideModerationItem(IModerationItemStore items, ICommentStore comments, IAuditLog audit, TimeProvider clock, ILiveNotifier live) : IUseCase
{
    public sealed record Request(string ItemId, string OrganisationId, ModerationAction Action, string? Reason = null);

    public async Task<Result<ModerationItem>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = new Validator();
        v.Defined("action", request.Action);
        v.OptionalText("reason", request.Reason, TextLimits.Reason);
        if (request.Action == ModerationAction.Reject && string.IsNullOrWhiteSpace(request.Reason))
            v.Add("reason", ErrorCodes.Required, "Say why the text is rejected: the author is shown this reason.");
        if (v.HasErrors)
            return Result<ModerationItem>.Fail(v.Errors);

        var (item, error) = await ModerationActions.OpenItemAsync(items, request.ItemId, request.OrganisationId, ct);
        if (item is null)
            return Result<ModerationItem>.Fail([error!]);
        var now = clock.GetUtcNow();
        if (item.ClaimedBy != actor.Id || item.ClaimedUntil <= now)
            return Result<ModerationItem>.Fail("itemId", ErrorCodes.InvalidState,
                item.ClaimedByOtherThan(actor.Id, now) ? "Someone else holds the claim on this item." : "Claim the item before deciding it.");

        var decided = request.Action == ModerationAction.Escalate
            ? item with { Status = ModerationItemStatus.Escalated, ClaimedBy = null, ClaimedUntil = null, DecisionReason = request.Reason, Version = item.Version + 1 }
            : item with
            {
                Status = ModerationItemStatus.Decided,
                Decision = request.Action switch
                {
                    ModerationAction.Reject => ModerationDecision.Rejected,
                    ModerationAction.Promote => ModerationDecision.Promoted,
                    _ => ModerationDecision.Approved,
                },
                DecisionReason = request.Reason,
                DecidedBy = actor.ToString(),
                DecidedAt = now,
                ClaimedBy = null,
                ClaimedUntil = null,
                Version = item.Version + 1,
            };
        // The item is written first, under its version: of two racing decisions only one gets to change the text.
        if (!await items.TryUpdateAsync(decided, item.Version, ct))
            return Result<ModerationItem>.Fail([ModerationActions.LostRace()]);

        if (decided.Decision is { } decision && item.Kind is TextKind.Comment or TextKind.Reply)
        {
            var status = decision == ModerationDecision.Rejected ? CommentStatus.Rejected : CommentStatus.Published;
            await comments.SetStatusAsync(item.TargetId, status, now, ct);
            if (item.ConsultationId is not null)
                live.Changed(LiveTopic.Consultation(item.ConsultationId));
        }
        live.Changed(LiveTopic.ModerationQueue(item.OrganisationId));
        var detail = $"{request.Action}" + (request.Reason is null ? "" : $": {request.Reason}");
        await audit.RecordAsync(clock, actor, item.OrganisationId, AuditActions.ModerationDecided, "moderation_item", item.Id, detail, ct);
        return decided;
    }
}
