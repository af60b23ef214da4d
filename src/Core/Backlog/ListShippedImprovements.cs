using Engagement.Core.Common;

namespace Engagement.Core.Backlog;

/// <summary>What citizens are told changed: an item that shipped, its title and its "you said, we did" note.</summary>
public sealed record ShippedImprovement(string Id, string Title, string Note, DateTimeOffset ShippedAt);

/// <summary>
/// The improvements shipped for a service or a consultation, newest first, as its public page shows them ("you said, we
/// did"): public by design, so only the title and the public note travel, never the evidence.
/// </summary>
public sealed class ListShippedImprovements(IBacklogStore backlog) : IUseCase
{
    public async Task<IReadOnlyList<ShippedImprovement>> ExecuteAsync(string organisationId, string? serviceId, string? consultationId, CancellationToken ct = default)
    {
        var shipped = await backlog.ListAsync(organisationId, BacklogStatus.Shipped, ListBacklog.MaxItems, ct);
        return [.. shipped
            .Where(i => (serviceId is not null && i.ServiceId == serviceId) || (consultationId is not null && i.ConsultationId == consultationId))
            .OrderByDescending(i => i.ShippedAt)
            .Select(i => new ShippedImprovement(i.Id, i.Title, i.PublicNote ?? "", i.ShippedAt ?? i.UpdatedAt))];
    }
}
