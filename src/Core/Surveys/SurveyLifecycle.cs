using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Surveys;

/// <summary>Loading and saving shared by the survey use cases.</summary>
internal static class SurveyLifecycle
{
    public static async Task<Result<Survey>> LoadAsync(ISurveyStore store, string id, int? expectedVersion, CancellationToken ct)
    {
        var current = await store.GetAsync(id, ct);
        if (current is null)
            return Result<Survey>.Fail("surveyId", ErrorCodes.NotFound, "There is no such survey.");
        if (expectedVersion is { } ev && ev != current.Version)
            return Result<Survey>.Fail("expectedVersion", ErrorCodes.Conflict, "Someone else changed this survey; reload it and try again.");
        return current;
    }

    /// <summary>Stores a change with optimistic concurrency and audits it.</summary>
    public static async Task<Result<Survey>> SaveAsync(
        ISurveyStore store, IAuditLog audit, TimeProvider clock, Actor actor, Survey current, Survey changed, string action, CancellationToken ct)
    {
        var updated = changed with { Version = current.Version + 1, UpdatedAt = clock.GetUtcNow() };
        if (!await store.UpdateAsync(updated, current.Version, ct))
            return Result<Survey>.Fail("surveyId", ErrorCodes.Conflict, "Someone else changed this survey; reload it and try again.");
        await audit.RecordAsync(clock, actor, updated.OrganisationId, action, "survey", updated.Id, ct: ct);
        return updated;
    }
}
