namespace Engagement.Core.Tallies;

/// <summary>
/// Pre-aggregated counters for one scope (a service, a survey, a comment, a consultation), one count per
/// bucket ("score.4", "agree", "q.colour.red"). Counters change in the same commit as the records behind them.
/// </summary>
public sealed record Tally(string Scope, IReadOnlyDictionary<string, long> Counts)
{
    public static Tally Empty(string scope) => new(scope, new Dictionary<string, long>());

    /// <summary>The count of a bucket; zero when nothing was ever counted there.</summary>
    public long this[string bucket] => Counts.TryGetValue(bucket, out var n) ? n : 0;

    /// <summary>Several tallies added bucket by bucket (a week from its days), under one scope name.</summary>
    public static Tally Sum(string scope, IEnumerable<Tally> tallies)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var tally in tallies)
        {
            foreach (var (bucket, n) in tally.Counts)
                counts[bucket] = counts.GetValueOrDefault(bucket) + n;
        }
        return new Tally(scope, counts);
    }
}

/// <summary>Changes to apply to tallies together with a write: a delta per (scope, bucket).</summary>
public sealed class TallyDelta
{
    private readonly Dictionary<(string Scope, string Bucket), long> _changes = [];

    public IEnumerable<(string Scope, string Bucket, long Delta)> Changes =>
        _changes.Where(c => c.Value != 0).Select(c => (c.Key.Scope, c.Key.Bucket, c.Value));

    public bool IsEmpty => !_changes.Values.Any(v => v != 0);

    public TallyDelta Add(string scope, string bucket, long delta = 1)
    {
        _changes[(scope, bucket)] = _changes.GetValueOrDefault((scope, bucket)) + delta;
        return this;
    }

    public TallyDelta Merge(TallyDelta other)
    {
        foreach (var (scope, bucket, delta) in other.Changes)
            Add(scope, bucket, delta);
        return this;
    }
}

/// <summary>The names of tally scopes, so every feature and adapter spells them the same way.</summary>
public static class TallyScopes
{
    public static string Service(string serviceId) => $"service:{serviceId}";

    /// <summary>One page of a service's site: the ratings given on it.</summary>
    public static string ServicePage(string serviceId, string page) => ServicePagePrefix(serviceId) + page;

    /// <summary>What every page scope of a service starts with; the page address follows it.</summary>
    public static string ServicePagePrefix(string serviceId) => $"service-page:{serviceId}:";

    public static string Survey(string surveyId) => $"survey:{surveyId}";

    public static string Consultation(string consultationId) => $"consultation:{consultationId}";

    public static string Comment(string commentId) => $"comment:{commentId}";

    // Day scopes hold the same buckets as their parent scope for the records of one UTC day, so insights read a period
    // from one small tally per day rather than from the records.

    public static string ServiceDay(string serviceId, DateOnly day) => $"service-day:{serviceId}:{Day(day)}";

    public static string ConsultationDay(string consultationId, DateOnly day) => $"consultation-day:{consultationId}:{Day(day)}";

    public static string SurveyDay(string surveyId, DateOnly day) => $"survey-day:{surveyId}:{Day(day)}";

    /// <summary>The UTC day an instant falls on: the day a record counts in.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
