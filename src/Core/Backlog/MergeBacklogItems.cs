using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Live;

namespace Engagement.Core.Backlog;

/// <summary>
/// An analyst merges a duplicate into another open item of the organisation: the target takes the duplicate's evidence
/// (each record once) and the duplicate points to it and leaves the board. Audited once, on the item that stays.
/// </summary>
/// <remarks>The target is written first: should the second write fail, the evidence is on both, never on neither.</remarks>
public sealed class MergeBacklogItems(BacklogChanges changes, IBacklogStore backlog, IAuditLog audit, TimeProvider clock, ILiveNotifier live) : IUseCase
{
    public sealed record Request(string OrganisationId, string TargetId, string DuplicateId);

    public async Task<Result<BacklogItem>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        if (request.TargetId == request.DuplicateId)
            return Result<BacklogItem>.Fail("duplicateId", ErrorCodes.Conflict, "An item cannot be merged into itself.");
        var duplicate = await backlog.GetAsync(request.DuplicateId, ct);
        if (duplicate is null || duplicate.OrganisationId != request.OrganisationId)
            return Result<BacklogItem>.Fail("duplicateId", ErrorCodes.NotFound, "There is no such backlog item in this organisation.");
        if (!duplicate.IsOpen)
            return Result<BacklogItem>.Fail("duplicateId", ErrorCodes.InvalidState, "Only open items are merged.");

        var target = await changes.ApplyAsync(request.TargetId, request.OrganisationId, item => item.IsOpen
            ? item.WithEvidence(duplicate.Evidence)
            : Result<BacklogItem>.Fail("targetId", ErrorCodes.InvalidState, "Only open items are merged."), ct, "targetId");
        if (!target.Succeeded)
            return Result<BacklogItem>.Fail(target.Errors);
        var merged = await changes.ApplyAsync(duplicate.Id, request.OrganisationId, item => item.IsOpen
            ? item with { MergedInto = request.TargetId }
            : Result<BacklogItem>.Fail("duplicateId", ErrorCodes.InvalidState, "Only open items are merged."), ct, "duplicateId");
        if (!merged.Succeeded)
            return Result<BacklogItem>.Fail(merged.Errors);

        // One entry for one act, on the item that stays; the duplicate names it in MergedInto.
        await audit.RecordAsync(clock, actor, request.OrganisationId, AuditActions.BacklogItemsMerged, "backlog_item", request.TargetId,
            $"absorbed {duplicate.Id} ({duplicate.Evidence.Count} evidence)", ct);
        live.Changed(LiveTopic.Backlog(request.OrganisationId));
        return target.Value.After;
    }
}
