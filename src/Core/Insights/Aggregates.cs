using Engagement.Core.Common;
using Engagement.Core.Tallies;

namespace Engagement.Core.Insights;

/// <summary>How insights cut a date range into periods.</summary>
public enum InsightsGranularity
{
    Day,

    /// <summary>Seven days from the range's first day (the last period may be shorter).</summary>
    Week,
}

/// <summary>How many texts were read as each sentiment, and the shares of those with a label.</summary>
public sealed record SentimentMix(long Negative, long Neutral, long Positive, long Unknown)
{
    public long Labelled => Negative + Neutral + Positive;

    public double? NegativeShare => Share(Negative);
    public double? NeutralShare => Share(Neutral);
    public double? PositiveShare => Share(Positive);

    public static SentimentMix From(Tally tally) => new(
        tally[SentimentTallies.Bucket(SentimentLabel.Negative)], tally[SentimentTallies.Bucket(SentimentLabel.Neutral)],
        tally[SentimentTallies.Bucket(SentimentLabel.Positive)], tally[SentimentTallies.Bucket(SentimentLabel.Unknown)]);

    private double? Share(long n) => Labelled == 0 ? null : (double)n / Labelled;
}

/// <summary>The date range of an insights request and its periods; every day in it is read from one day tally.</summary>
public sealed record InsightsRange(DateOnly From, DateOnly To, InsightsGranularity Granularity)
{
    /// <summary>A range spans at most this many days, so one request reads a bounded number of day tallies.</summary>
    public const int MaxDays = 366;

    /// <summary>Without dates: the last 30 days up to today (UTC).</summary>
    public const int DefaultDays = 30;

    public IReadOnlyList<(DateOnly Start, DateOnly End)> Periods
    {
        get
        {
            var length = Granularity == InsightsGranularity.Week ? 7 : 1;
            var periods = new List<(DateOnly, DateOnly)>();
            for (var start = From; start <= To; start = start.AddDays(length))
                periods.Add((start, start.AddDays(length - 1) > To ? To : start.AddDays(length - 1)));
            return periods;
        }
    }

    /// <summary>The range asked for, with the defaults filled in; errors for a reversed, too long or unknown range.</summary>
    public static Result<InsightsRange> Of(DateOnly? from, DateOnly? to, InsightsGranularity granularity, DateOnly today)
    {
        var v = new Validator();
        v.Defined("granularity", granularity);
        var end = to ?? today;
        var start = from ?? end.AddDays(-(DefaultDays - 1));
        if (start > end)
            v.Add("from", ErrorCodes.OutOfRange, "The range starts after it ends.");
        else if (end.DayNumber - start.DayNumber + 1 > MaxDays)
            v.Add("to", ErrorCodes.OutOfRange, $"Ask for at most {MaxDays} days at a time.");
        return v.HasErrors ? Result<InsightsRange>.Fail(v.Errors) : new InsightsRange(start, end, granularity);
    }

    /// <summary>One tally per period, summed from the day tallies (read in one store call).</summary>
    public async Task<IReadOnlyList<(DateOnly Start, DateOnly End, Tally Tally)>> ReadAsync(ITallyStore tallies, Func<DateOnly, string> dayScope, CancellationToken ct)
    {
        var periods = Periods;
        var sums = await tallies.SumDaysAsync(dayScope, [.. periods.Select(p => TallyDays.Between(p.Start, p.End))], ct);
        return [.. periods.Select((p, i) => (p.Start, p.End, sums[i]))];
    }
}
