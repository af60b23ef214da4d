using Engagement.Core.Audit;
using Engagement.Core.Backlog;
using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Live;
using Engagement.Core.Ratings;
using Engagement.Core.Screening;

namespace Engagement.Core.Moderation;

/// <summary>What a moderator does with a claimed item.</summary>
public enum ModerationAction
{
    Approve,

    /// <summary>Refuse, with a reason the author is shown.</summary>
    Reject,

    /// <summary>Replace the text with the moderator's edit (personal information taken out, say), then approve it.</summary>
    RedactAndApprove,

    /// <summary>Pass it to an admin; the item stays open, unclaimed, marked escalated.</summary>
    Escalate,

    /// <summary>Approve and record it as evidence for the improvement backlog.</summary>
    Promote,
}

/// <summary>
/// A moderator decides an item they hold a live claim on: the text's own status follows (a comment is published or
/// rejected; redacted, its text is replaced first), the item leaves the queue (or, escalated, waits for an admin), and the
/// decision is audited with who and why. Whatever brought the item (screening or citizens' reports), approving publishes
/// the comment and rejecting rejects it.
/// </summary>
/// <remarks>
/// Promoting publishes the text and links it as evidence to the backlog item named (which must be open, in the same
/// organisation), or to a new item proposed from it; the moderation item records which.
/// </remarks>
public sealed class DecideModerationItem(
    IModerationItemStore items, ICommentStore comments, IRatingStore ratings, IBacklogStore backlog, CreateBacklogItem createBacklogItem,
    AddBacklogEvidence addBacklogEvidence, IAuditLog audit, TimeProvider clock, ILiveNotifier live) : IUseCase
{
    /// <param name="RedactedText">For <see cref="ModerationAction.RedactAndApprove"/> only: the text that replaces the original.</param>
    /// <param name="BacklogItemId">For <see cref="ModerationAction.Promote"/> only: the open item to attach the text to; a new item otherwise.</param>
    public sealed record Request(string ItemId, string OrganisationId, ModerationAction Action, string? Reason = null, string? RedactedText = null,
        string? BacklogItemId = null);

    public async Task<Result<ModerationItem>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var v = Validate(request);
        if (v.HasErrors)
            return Result<ModerationItem>.Fail(v.Errors);

        var (item, error) = await ModerationActions.OpenItemAsync(items, request.ItemId, request.OrganisationId, ct);
        if (item is null)
            return Result<ModerationItem>.Fail([error!]);
        var now = clock.GetUtcNow();
        if (item.ClaimedBy != actor.Id || item.ClaimedUntil <= now)
            return Result<ModerationItem>.Fail("itemId", ErrorCodes.InvalidState,
                item.ClaimedByOtherThan(actor.Id, now) ? "Someone else holds the claim on this item." : "Claim the item before deciding it.");
        // The backlog item is checked before anything is decided, so a wrong id changes nothing.
        if (request.BacklogItemId is { } backlogItemId)
        {
            var target = await backlog.GetAsync(backlogItemId, ct);
            if (target is not { IsOpen: true } || target.OrganisationId != item.OrganisationId)
                return Result<ModerationItem>.Fail("backlogItemId", ErrorCodes.NotFound, "There is no such open backlog item in this organisation.");
        }
        var redacting = request.Action == ModerationAction.RedactAndApprove;
        // A rating's comment has no way to be edited yet; refusing beats approving a text the moderator meant to change.
        if (redacting && item.Kind is not (TextKind.Comment or TextKind.Reply))
            return Result<ModerationItem>.Fail("action", ErrorCodes.InvalidState, "Only comments and replies can be redacted.");

        var decided = request.Action == ModerationAction.Escalate
            ? item with { Status = ModerationItemStatus.Escalated, ClaimedBy = null, ClaimedUntil = null, DecisionReason = request.Reason, Version = item.Version + 1 }
            : item with
            {
                Status = ModerationItemStatus.Decided,
                Decision = request.Action switch
                {
                    ModerationAction.Reject => ModerationDecision.Rejected,
                    ModerationAction.RedactAndApprove => ModerationDecision.RedactedAndApproved,
                    ModerationAction.Promote => ModerationDecision.Promoted,
                    _ => ModerationDecision.Approved,
                },
                // The redacted text replaces the original on the item too: what was taken out is kept nowhere.
                Text = redacting ? request.RedactedText! : item.Text,
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
            if (redacting)
                await comments.SetTextAsync(item.TargetId, decided.Text, now, ct);
            var status = decision == ModerationDecision.Rejected ? CommentStatus.Rejected : CommentStatus.Published;
            await comments.SetStatusAsync(item.TargetId, status, now, ct);
            if (item.ConsultationId is not null)
                live.Changed(LiveTopic.Consultation(item.ConsultationId));
        }
        else if (decided.Decision is { } ratingDecision && item.Kind == TextKind.RatingComment)
        {
            // A rating comment is shown only once published; a rejected one stays stored but hidden.
            await ratings.SetCommentStatusAsync(item.TargetId, ratingDecision == ModerationDecision.Rejected ? CommentStatus.Rejected : CommentStatus.Published, ct);
        }
        if (decided.Decision == ModerationDecision.Promoted)
            decided = await PromoteAsync(decided, request.BacklogItemId, actor, ct);
        live.Changed(LiveTopic.ModerationQueue(item.OrganisationId));
        // A redaction is recorded by its lengths only: the removed text is often the personal information it took out.
        var detail = $"{request.Action}"
                     + (redacting ? $" (text redacted: {Validator.TextLength(item.Text)} -> {Validator.TextLength(decided.Text)} characters)" : "")
                     + (request.Reason is null ? "" : $": {request.Reason}");
        await audit.RecordAsync(clock, actor, item.OrganisationId, AuditActions.ModerationDecided, "moderation_item", item.Id, detail, ct);
        return decided;
    }

    // The text becomes evidence for the named item or a new one. The decision already stands, so should the backlog write
    // fail (the item closed meanwhile), the promotion is recorded without a backlog item rather than undone.
    private async Task<ModerationItem> PromoteAsync(ModerationItem decided, string? backlogItemId, Actor actor, CancellationToken ct)
    {
        var evidence = EvidenceSources.FromText(decided.Kind, decided.TargetId, decided.Text, null, decided.CreatedAt, actor);
        var linked = backlogItemId is not null
            ? await addBacklogEvidence.AttachAsync(backlogItemId, decided.OrganisationId, [evidence], actor, ct)
            : await createBacklogItem.CreateAsync(new CreateBacklogItem.Request(decided.OrganisationId, Title(decided.Text), decided.Text,
                ConsultationId: decided.ConsultationId), [evidence], actor, ct);
        if (!linked.Succeeded)
            return decided;
        var promoted = decided with { PromotedTo = linked.Value.Id, Version = decided.Version + 1 };
        return await items.TryUpdateAsync(promoted, decided.Version, ct) ? promoted : decided;
    }

    private static string Title(string text)
    {
        var firstLine = text.Split('\n', 2)[0].Trim();
        return firstLine.Length <= 80 ? firstLine : firstLine[..80].TrimEnd() + "…";
    }

    /// <summary>The rules on the action and its texts alone, before any item is read; bulk decisions check them once for all.</summary>
    internal static Validator Validate(Request request)
    {
        var v = new Validator();
        v.Defined("action", request.Action);
        v.OptionalText("reason", request.Reason, TextLimits.Reason);
        if (request.Action == ModerationAction.Reject && string.IsNullOrWhiteSpace(request.Reason))
            v.Add("reason", ErrorCodes.Required, "Say why the text is rejected: the author is shown this reason.");
        // Validated as a comment is when posted: the redacted text is published as the comment.
        if (request.Action == ModerationAction.RedactAndApprove)
            v.RequiredText("redactedText", request.RedactedText, TextLimits.Comment);
        else if (request.RedactedText is not null)
            v.Add("redactedText", ErrorCodes.InvalidFormat, "A redacted text goes only with the RedactAndApprove action.");
        if (request.BacklogItemId is not null && request.Action != ModerationAction.Promote)
            v.Add("backlogItemId", ErrorCodes.InvalidFormat, "A backlog item goes only with the Promote action.");
        return v;
    }
}
