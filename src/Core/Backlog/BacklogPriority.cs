using Engagement.Core.Comments;
using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Core.Backlog;

/// <summary>
/// An item's priority from its evidence:
/// <c>score = 10 × log₂(1 + recent volume) × (0.5 + negative share) × (1 + log₁₀(1 + reach) / 4)</c>, where the recent
/// volume is the evidence's weight (texts it stands for) halved for every <see cref="HalfLifeDays"/> days of age, the
/// negative share is the weighted share of those texts read as negative (0.5 when none is known), and the reach is how
/// many people used the channel (the service's ratings, or the consultation's published comments).
/// </summary>
/// <remarks>
/// The logarithms keep a flood of near-identical complaints from burying everything else, while ten times the evidence
/// still ranks clearly higher; negativity can at most triple a score, reach at most about double it for a million users.
/// </remarks>
public sealed class BacklogPriority(ITallyStore tallies, TimeProvider clock)
{
    public const double HalfLifeDays = 30;

    public async Task<PriorityExplanation> ExplainAsync(BacklogItem item, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        double volume = item.Evidence.Sum(e => e.Weight);
        var recent = item.Evidence.Sum(e => e.Weight * Math.Pow(0.5, Math.Max(0, (now - e.At).TotalDays) / HalfLifeDays));
        var known = item.Evidence.Where(e => e.NegativeShare is not null).ToList();
        var knownWeight = known.Sum(e => e.Weight);
        var negative = knownWeight == 0 ? 0.5 : known.Sum(e => e.Weight * e.NegativeShare!.Value) / knownWeight;
        var reach = await ReachAsync(item, ct);
        var score = 10 * Math.Log2(1 + recent) * (0.5 + negative) * (1 + Math.Log10(1 + reach) / 4);
        return new PriorityExplanation(volume, Math.Round(recent, 2), Math.Round(negative, 3), reach, Math.Round(score, 2), now);
    }

    private async Task<long> ReachAsync(BacklogItem item, CancellationToken ct)
    {
        if (item.ServiceId is { } serviceId)
        {
            var tally = await tallies.GetAsync(TallyScopes.Service(serviceId), ct);
            return Enumerable.Range(1, 5).Sum(s => tally[RatingTallies.ScoreBucket(s)]);
        }
        if (item.ConsultationId is { } consultationId)
        {
            var tally = await tallies.GetAsync(TallyScopes.Consultation(consultationId), ct);
            return tally[CommentTallies.StatusBucket(false, CommentStatus.Published)] + tally[CommentTallies.StatusBucket(true, CommentStatus.Published)];
        }
        return 0;
    }
}
