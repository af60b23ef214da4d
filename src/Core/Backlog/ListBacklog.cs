using Engagement.Core.Common;

namespace Engagement.Core.Backlog;

/// <summary>
/// An organisation's board: items not merged away, optionally of one status, highest priority first. Priorities are
/// recomputed as they are read, so evidence ages (recency decays) even when nothing new is linked.
/// </summary>
public sealed class ListBacklog(IBacklogStore backlog, BacklogPriority priority) : IUseCase
{
    public const int MaxItems = 500;

    public async Task<IReadOnlyList<BacklogItem>> ExecuteAsync(string organisationId, BacklogStatus? status, CancellationToken ct = default)
    {
        var items = await backlog.ListAsync(organisationId, status, MaxItems, ct);
        var ranked = new List<BacklogItem>(items.Count);
        foreach (var item in items)
            ranked.Add(item with { Priority = await priority.ExplainAsync(item, ct) });
        return [.. ranked.OrderByDescending(i => i.Priority.Score).ThenBy(i => i.CreatedAt)];
    }
}
