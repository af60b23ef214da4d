using Engagement.Core.Audit;
using Engagement.Core.Common;
using Engagement.Core.Consultations;
using Engagement.Core.Live;
using Engagement.Core.Organisations;

namespace Engagement.Core.Backlog;

/// <summary>
/// An analyst proposes an improvement, for a service or a consultation of the organisation or neither, with any evidence
/// (texts insights have read, a theme, a drift alert); its priority is computed from that evidence. Audited.
/// </summary>
public sealed class CreateBacklogItem(
    IBacklogStore backlog, IServiceStore services, IConsultationStore consultations, EvidenceSources sources, BacklogPriority priority,
    IAuditLog audit, TimeProvider clock, ILiveNotifier live) : IUseCase
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 5_000;
    public const int MaxEvidence = 200;

    public sealed record Request(string OrganisationId, string Title, string Description, string? ServiceId = null, string? ConsultationId = null,
        IReadOnlyList<EvidenceRef>? Evidence = null);

    public async Task<Result<BacklogItem>> ExecuteAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        // Checked before the evidence is looked up, so bad input costs no reads.
        var v = Validate(request);
        if (request.Evidence?.Count > MaxEvidence)
            v.Add("evidence", ErrorCodes.OutOfRange, $"Link at most {MaxEvidence} pieces of evidence at once.");
        if (v.HasErrors)
            return Result<BacklogItem>.Fail(v.Errors);
        var evidence = await sources.ResolveAsync(request.OrganisationId, request.Evidence ?? [], actor, ct);
        if (!evidence.Succeeded)
            return Result<BacklogItem>.Fail(evidence.Errors);
        return await CreateCheckedAsync(request, evidence.Value, actor, ct);
    }

    /// <summary>Creates the item with evidence already in hand (a moderator promoting a queued text); the request's own references are ignored.</summary>
    public async Task<Result<BacklogItem>> CreateAsync(Request request, IReadOnlyList<Evidence> evidence, Actor actor, CancellationToken ct = default)
    {
        var v = Validate(request);
        return v.HasErrors ? Result<BacklogItem>.Fail(v.Errors) : await CreateCheckedAsync(request, evidence, actor, ct);
    }

    private static Validator Validate(Request request)
    {
        var v = new Validator();
        v.RequiredText("title", request.Title, MaxTitle);
        v.OptionalText("description", request.Description, MaxDescription);
        if (request.ServiceId is not null && request.ConsultationId is not null)
            v.Add("consultationId", ErrorCodes.Conflict, "An item concerns a service or a consultation, not both.");
        return v;
    }

    private async Task<Result<BacklogItem>> CreateCheckedAsync(Request request, IReadOnlyList<Evidence> evidence, Actor actor, CancellationToken ct)
    {
        if (request.ServiceId is { } serviceId && (await services.GetAsync(serviceId, ct))?.OrganisationId != request.OrganisationId)
            return Result<BacklogItem>.Fail("serviceId", ErrorCodes.NotFound, "There is no such service in this organisation.");
        if (request.ConsultationId is { } consultationId && (await consultations.GetAsync(consultationId, ct))?.OrganisationId != request.OrganisationId)
            return Result<BacklogItem>.Fail("consultationId", ErrorCodes.NotFound, "There is no such consultation in this organisation.");
        var now = clock.GetUtcNow();
        var item = new BacklogItem
        {
            Id = Ids.New(),
            OrganisationId = request.OrganisationId,
            Title = request.Title.Trim(),
            Description = request.Description?.Trim() ?? "",
            ServiceId = request.ServiceId,
            ConsultationId = request.ConsultationId,
            Status = BacklogStatus.Proposed,
            Priority = new PriorityExplanation(0, 0, 0.5, 0, 0, now),
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        }.WithEvidence(evidence);
        item = item with { Priority = await priority.ExplainAsync(item, ct) };
        if (!await backlog.TryAddAsync(item, new BacklogWrite(BacklogEventKind.Created), ct))
            return Result<BacklogItem>.Fail("id", ErrorCodes.Duplicate, "An item with this id exists.");
        await audit.RecordAsync(clock, actor, item.OrganisationId, AuditActions.BacklogItemCreated, "backlog_item", item.Id,
            $"{item.Evidence.Count} evidence, priority {item.Priority.Score}", ct);
        live.Changed(LiveTopic.Backlog(item.OrganisationId));
        return item;
    }
}
