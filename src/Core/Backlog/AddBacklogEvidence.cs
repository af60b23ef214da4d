using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Live;

namespace Engagement.Core.Backlog;

/// <summary>Links more evidence to an open item (records it already holds count once) and recomputes its priority. Audited.</summary>
public sealed class AddBacklogEvidence(BacklogChanges changes, EvidenceSources sources, IAuditLog audit, TimeProvider clock, ILiveNotifier live) : IUseCase
{
    public sealed record Request(string ItemId, string OrganisationId, IReadOnlyList<EvidenceRef> Evidence);

    public async Task<Result<BacklogItem>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        if (request.Evidence.Count is 0 or > CreateBacklogItem.MaxEvidence)
            return Result<BacklogItem>.Fail("evidence", ErrorCodes.OutOfRange, $"Link 1 to {CreateBacklogItem.MaxEvidence} pieces of evidence at once.");
        var evidence = await sources.ResolveAsync(request.OrganisationId, request.Evidence, actor, ct);
        if (!evidence.Succeeded)
            return Result<BacklogItem>.Fail(evidence.Errors);
        return await AttachAsync(request.ItemId, request.OrganisationId, evidence.Value, actor, ct);
    }

    /// <summary>Attaches evidence already in hand (a moderator promoting a queued text).</summary>
    public async Task<Result<BacklogItem>> AttachAsync(string itemId, string organisationId, IReadOnlyList<Evidence> evidence, Actor actor, CancellationToken ct)
    {
        var result = await changes.ApplyAsync(itemId, organisationId, item => item.IsOpen
            ? item.WithEvidence(evidence)
            : Result<BacklogItem>.Fail("id", ErrorCodes.InvalidState, "Evidence is added to open items only."), ct);
        if (!result.Succeeded)
            return Result<BacklogItem>.Fail(result.Errors);
        var (before, after) = result.Value;
        if (after.Evidence.Count != before.Evidence.Count)
        {
            await audit.RecordAsync(clock, actor, after.OrganisationId, AuditActions.BacklogEvidenceAdded, "backlog_item", after.Id,
                $"{after.Evidence.Count - before.Evidence.Count} added, priority {before.Priority.Score} -> {after.Priority.Score}", ct);
            live.Changed(LiveTopic.Backlog(after.OrganisationId));
        }
        return after;
    }
}
