using Engagement.Core.Common;

namespace Engagement.Core.Backlog;

/// <summary>
/// Loads an item of the organisation, applies a change and writes it under the version it read, again from a fresh read
/// when another write landed in between. The one way backlog use cases change an item.
/// </summary>
public sealed class BacklogChanges(IBacklogStore backlog, BacklogPriority priority, TimeProvider clock)
{
    private const int MaxAttempts = 10;

    /// <summary>
    /// The changed item (its priority recomputed), or the change's error; NOT_FOUND for an item of another organisation.
    /// A change returning the item unchanged writes nothing. <paramref name="effects"/> says what the write causes (by
    /// default its event only); it is asked again when the write is retried over a fresher read.
    /// </summary>
    public async Task<Result<(BacklogItem Before, BacklogItem After)>> ApplyAsync(
        string itemId, string organisationId, Func<BacklogItem, Result<BacklogItem>> change, CancellationToken ct, string field = "id",
        Func<BacklogItem, BacklogItem, CancellationToken, Task<BacklogWrite>>? effects = null)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await backlog.GetAsync(itemId, ct);
            if (current is null || current.OrganisationId != organisationId)
                return Result<(BacklogItem, BacklogItem)>.Fail(field, ErrorCodes.NotFound, "There is no such backlog item in this organisation.");
            var changed = change(current);
            if (!changed.Succeeded)
                return Result<(BacklogItem, BacklogItem)>.Fail(changed.Errors);
            if (ReferenceEquals(changed.Value, current))
                return (current, current);
            var updated = changed.Value with { UpdatedAt = clock.GetUtcNow(), Version = current.Version + 1 };
            updated = updated with { Priority = await priority.ExplainAsync(updated, ct) };
            var write = effects is null ? BacklogWrite.Between(current, updated) : await effects(current, updated, ct);
            if (await backlog.TryUpdateAsync(updated, current.Version, write, ct))
                return (current, updated);
        }
        return Result<(BacklogItem, BacklogItem)>.Fail(field, ErrorCodes.Conflict, "The item kept changing; try again.");
    }
}
