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
        var before = Enumerable.Range(1, WindowDays).Select(i => shipped.AddDays(-i)).ToList();
        var after = Enumerable.Range(0, Math.Min(WindowDays, today.DayNumber - shipped.DayNumber + 1)).Select(shipped.AddDays).ToList();
        var read = await tallies.GetManyAsync([.. before.Concat(after).Select(d => TallyScopes.ServiceDay(serviceId, d))], ct);
        Tally Sum(IEnumerable<DateOnly> days) => Tally.Sum("", days.Select(d => read.TryGetValue(TallyScopes.ServiceDay(serviceId, d), out var t) ? t : Tally.Empty("")));
        return new BacklogImpact(WindowDays, RatingSummary.From(serviceId, Sum(before)), RatingSummary.From(serviceId, Sum(after)));
    }
}
