using Engagement.Core.Common;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Core.Backlog;

/// <summary>A shipped item's service satisfaction in the days before it shipped and since, as evidence of its impact.</summary>
public sealed record BacklogImpact(int Days, RatingSummary Before, RatingSummary After);

/// <summary>
/// Reads a shipped item's impact off its service's day tallies: the <see cref="WindowDays"/> days before it shipped
/// against the days since (up to as many). Null for an item not shipped or not about a service.
/// </summary>
public sealed class GetBacklogImpact(ITallyStore tallies, TimeProvider clock) : IUseCase
{
    public const int WindowDays = 30;

    public async Task<BacklogImpact?> ExecuteAsync(BacklogItem item, CancellationToken ct = default)
    {
        if (item is not { Status: BacklogStatus.Shipped, ShippedAt: { } shippedAt, ServiceId: { } serviceId })
            return null;
        var shipped = TallyScopes.DayOf(shippedAt);
        var today = TallyScopes.DayOf(clock.GetUtcNow());
        var lastAfter = today < shipped.AddDays(WindowDays - 1) ? today : shipped.AddDays(WindowDays - 1);
        var sums = await tallies.SumDaysAsync(day => TallyScopes.ServiceDay(serviceId, day),
            [TallyDays.Between(shipped.AddDays(-WindowDays), shipped.AddDays(-1)), TallyDays.Between(shipped, lastAfter)], ct);
        return new BacklogImpact(WindowDays, RatingSummary.From(serviceId, sums[0]), RatingSummary.From(serviceId, sums[1]));
    }
}
