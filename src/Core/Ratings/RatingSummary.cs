using Engagement.Core.Tallies;

namespace Engagement.Core.Ratings;

/// <summary>A service's ratings at a glance: how many, the average, the share of 4–5 (CSAT) and the count per score.</summary>
public sealed record RatingSummary(string ServiceId, long Count, double? Average, double? Csat, IReadOnlyList<long> Distribution)
{
    /// <summary>Below this many ratings a summary says too little to act on, and says so (<see cref="SmallSample"/>).</summary>
    public const int SmallSampleBelow = 30;

    // The normal quantile for a two-sided 95% interval.
    private const double Z = 1.959963984540054;

    /// <summary>True when there are too few ratings for the average or the satisfaction share to mean much.</summary>
    public bool SmallSample => Count < SmallSampleBelow;

    /// <summary>The lower end of the 95% confidence interval of <see cref="Csat"/> (Wilson score interval); null with no ratings.</summary>
    public double? CsatLow => Wilson(-1);

    /// <summary>The upper end of the 95% confidence interval of <see cref="Csat"/>; null with no ratings.</summary>
    public double? CsatHigh => Wilson(+1);

    // Wilson rather than the textbook p ± z·sqrt(p(1−p)/n): it stays inside [0, 1] and stays honest for small n and
    // for shares near 0 or 1, which is where a service with few ratings lives.
    private double? Wilson(int sign)
    {
        if (Csat is not { } p || Count == 0)
            return null;
        double n = Count;
        var z2 = Z * Z;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        // Clamped so rounding never puts the interval's ends on the wrong side of the share itself.
        return sign < 0 ? Math.Clamp(centre - half, 0, p) : Math.Clamp(centre + half, p, 1);
    }

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
