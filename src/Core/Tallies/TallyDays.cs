namespace Engagement.Core.Tallies;

/// <summary>Reads periods off day tallies: each window of days summed into one tally, every day read in one store call.</summary>
public static class TallyDays
{
    public static async Task<IReadOnlyList<Tally>> SumDaysAsync(
        this ITallyStore tallies, Func<DateOnly, string> dayScope, IReadOnlyList<IReadOnlyList<DateOnly>> windows, CancellationToken ct)
    {
        var read = await tallies.GetManyAsync([.. windows.SelectMany(w => w).Select(dayScope).Distinct()], ct);
        return [.. windows.Select(window => Tally.Sum("", window.Select(day => read.TryGetValue(dayScope(day), out var t) ? t : Tally.Empty(""))))];
    }

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IReadOnlyList<DateOnly> Between(DateOnly first, DateOnly last) =>
        [.. Enumerable.Range(0, Math.Max(0, last.DayNumber - first.DayNumber + 1)).Select(first.AddDays)];
}
