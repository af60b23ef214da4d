using Engagement.Core.Tallies;

namespace Engagement.Core.Ratings;

/// <summary>A service's ratings at a glance: how many, the average, the share of 4–5 (CSAT) and the count per score.</summary>
public sealed record RatingSummary(string ServiceId, long Count, double? Average, double? Csat, IReadOnlyList<long> Distribution)
{
    /// <summary>Reads the summary off the service's tally; no rating is loaded.</summary>
    public static RatingSummary From(string serviceId, Tally tally)
    {
        var distribution = Enumerable.Range(1, 5).Select(s => tally[RatingTallies.ScoreBucket(s)]).ToArray();
        var count = distribution.Sum();
        if (count == 0)
            return new RatingSummary(serviceId, 0, null, null, distribution);
        var total = distribution.Select((n, i) => n * (i + 1)).Sum();
        return new RatingSummary(serviceId, count, (double)total / count, (double)(distribution[3] + distribution[4]) / count, distribution);
    }
}
