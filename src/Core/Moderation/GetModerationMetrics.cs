using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Core.Moderation;

/// <summary>
/// How moderation is going in an organisation: queue depth now, and over a recent window the decisions made
/// automatically (held or refused by screening) and by people, and how long people took.
/// </summary>
public sealed class GetModerationMetrics(IModerationItemStore items, IAuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>The most items a window reads; beyond it the figures cover the oldest ones and say so.</summary>
    public const int MaxItems = 10_000;

    public sealed record Request(string OrganisationId, int Days = 30);

    /// <summary>Seconds from an item entering the queue to its decision, at three percentiles; null with no decisions.</summary>
    public sealed record TimeToDecision(double P50, double P90, double P99, int Count);

    /// <summary>The figures. <see cref="Truncated"/> is true when the window held more than <see cref="MaxItems"/> items.</summary>
    public sealed record Metrics(
        int QueueDepth, int Escalated, int Days, int AutomaticallyHeld, int AutomaticallyRejected,
        IReadOnlyDictionary<ModerationDecision, int> HumanDecisions, TimeToDecision? TimeToDecisionSeconds, bool Truncated);

    public async Task<Result<Metrics>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        if (request.Days is < 1 or > 365)
            return Result<Metrics>.Fail("days", ErrorCodes.OutOfRange, "Ask for a window of 1 to 365 days.");
        var since = clock.GetUtcNow().AddDays(-request.Days);
        var recent = await items.ListCreatedSinceAsync(request.OrganisationId, since, MaxItems + 1, ct);
        var truncated = recent.Count > MaxItems;
        var window = recent.Take(MaxItems).ToList();
        var decided = window.Where(i => i.Status == ModerationItemStatus.Decided && i.DecidedAt is not null).ToList();
        var waits = decided.Select(i => (i.DecidedAt!.Value - i.CreatedAt).TotalSeconds).Order().ToArray();

        return new Metrics(
            await items.CountAsync(request.OrganisationId, ModerationItemStatus.Pending, ct),
            await items.CountAsync(request.OrganisationId, ModerationItemStatus.Escalated, ct),
            request.Days,
            window.Count(i => i.Source == ModerationSource.Screening),
            await audit.CountAsync(request.OrganisationId, AuditActions.ModerationAutoRejected, since, ct),
            Enum.GetValues<ModerationDecision>().ToDictionary(d => d, d => decided.Count(i => i.Decision == d)),
            waits.Length == 0 ? null : new TimeToDecision(Percentile(waits, 0.50), Percentile(waits, 0.90), Percentile(waits, 0.99), waits.Length),
            truncated);
    }

    // Nearest rank on sorted values.
    private static double Percentile(double[] sorted, double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
