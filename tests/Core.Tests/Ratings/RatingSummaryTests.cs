using Engagement.Core.Ratings;
using Engagement.Core.Tallies;

namespace Engagement.Core.Tests.Ratings;

/// <summary>What a summary says about how much to trust it: the small-sample flag and the 95% (Wilson) interval of CSAT.</summary>
public sealed class RatingSummaryTests
{
    /// <summary>The summary of a tally with this many ratings of each score, 1 to 5.</summary>
    private static RatingSummary Summary(params long[] perScore)
    {
        var counts = perScore.Select((n, i) => KeyValuePair.Create(RatingTallies.ScoreBucket(i + 1), n)).ToDictionary();
        return RatingSummary.From("service-1", new Tally(TallyScopes.Service("service-1"), counts));
    }

    /// <summary>A summary of <paramref name="count"/> ratings of which <paramref name="satisfied"/> gave 4 or 5.</summary>
    private static RatingSummary Csat(long satisfied, long count) => Summary(count - satisfied, 0, 0, 0, satisfied);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(31, false)]
    [InlineData(10_000, false)]
    public void SmallSample_is_true_below_thirty_ratings(long count, bool expected)
    {
        Assert.Equal(expected, Csat(count / 2, count).SmallSample);
        Assert.Equal(30, RatingSummary.SmallSampleBelow);
    }

    [Fact]
    public void CsatLow_and_CsatHigh_are_the_wilson_interval_for_eighty_of_a_hundred()
    {
        var summary = Csat(80, 100);

        Assert.Equal(0.8, summary.Csat!.Value, 10);
        Assert.Equal(0.7112, summary.CsatLow!.Value, 4);
        Assert.Equal(0.8666, summary.CsatHigh!.Value, 4);
    }

    [Fact]
    public void CsatLow_and_CsatHigh_for_one_satisfied_rating_reach_up_to_one()
    {
        var summary = Csat(1, 1);

        Assert.Equal(1.0, summary.CsatHigh!.Value, 10);
        Assert.Equal(0.2065, summary.CsatLow!.Value, 4);
        Assert.True(summary.SmallSample);
    }

    [Fact]
    public void CsatLow_and_CsatHigh_for_one_unsatisfied_rating_reach_down_to_zero()
    {
        var summary = Csat(0, 1);

        Assert.Equal(0.0, summary.CsatLow!.Value, 10);
        Assert.Equal(0.79345, summary.CsatHigh!.Value, 5);
    }

    [Fact]
    public void CsatLow_and_CsatHigh_for_none_satisfied_of_ten()
    {
        var summary = Csat(0, 10);

        Assert.Equal(0.0, summary.CsatLow!.Value, 10);
        Assert.Equal(0.2775, summary.CsatHigh!.Value, 4);
    }

    [Fact]
    public void CsatLow_and_CsatHigh_are_symmetric_around_one_half()
    {
        var summary = Csat(50, 100);

        Assert.Equal(0.5, (summary.CsatLow!.Value + summary.CsatHigh!.Value) / 2, 10);
        Assert.Equal(0.4038, summary.CsatLow.Value, 4);
    }

    [Fact]
    public void CsatLow_and_CsatHigh_are_null_without_ratings()
    {
        var summary = Summary(0, 0, 0, 0, 0);

        Assert.Equal(0, summary.Count);
        Assert.Null(summary.Csat);
        Assert.Null(summary.CsatLow);
        Assert.Null(summary.CsatHigh);
        Assert.True(summary.SmallSample);
    }

    [Fact]
    public void CsatLow_and_CsatHigh_are_null_for_a_summary_made_without_a_csat()
    {
        var summary = new RatingSummary("service-1", 10, 3.0, null, [2, 2, 2, 2, 2]);

        Assert.Null(summary.CsatLow);
        Assert.Null(summary.CsatHigh);
    }

    [Fact]
    public void The_interval_narrows_as_ratings_accumulate()
    {
        var widths = new[] { 10L, 100, 1_000, 100_000 }
            .Select(n => Csat(n * 7 / 10, n))
            .Select(s => s.CsatHigh!.Value - s.CsatLow!.Value)
            .ToList();

        Assert.Equal(widths.OrderByDescending(w => w), widths);
        Assert.True(widths[^1] < 0.01, $"width {widths[^1]}");
    }

    /// <summary>Samples from one rating to a million, with none, one, a third, half, all but one and all satisfied.</summary>
    private static IEnumerable<(long Satisfied, long Count)> Samples() =>
        from count in new long[] { 1, 2, 3, 5, 7, 10, 29, 30, 31, 99, 1_000, 1_000_003 }
        from satisfied in new[] { 0, 1, count / 3, count / 2, count - 1, count }.Where(k => k >= 0 && k <= count).Distinct()
        select (satisfied, count);

    private static void AssertForEverySample(Func<double, double, double, bool> holds)
    {
        var problems = Samples()
            .Select(s => (s.Satisfied, s.Count, Summary: Csat(s.Satisfied, s.Count)))
            .Where(s => !holds(s.Summary.CsatLow!.Value, s.Summary.Csat!.Value, s.Summary.CsatHigh!.Value))
            .Select(s => $"{s.Satisfied}/{s.Count}: csat {s.Summary.Csat:R} interval [{s.Summary.CsatLow:R}, {s.Summary.CsatHigh:R}]")
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_interval_lies_within_zero_and_one_and_is_not_empty_for_every_sample() =>
        AssertForEverySample((low, _, high) => low is >= 0 and <= 1 && high is >= 0 and <= 1 && low < high);

    [Fact]
    public void The_interval_contains_the_csat_for_every_sample()
    {
        // Including at the edges: with none satisfied the low end is 0, with all satisfied the high end is 1, exactly;
        // otherwise a page reads "CSAT 100%, 95% interval 72%–99.99…%", an interval that leaves out the value it is about.
        AssertForEverySample((low, csat, high) => low <= csat && csat <= high);
    }

    [Fact]
    public void The_interval_counts_fours_and_fives_as_satisfied_and_ones_to_threes_as_not()
    {
        var spread = Summary(10, 10, 10, 35, 35);

        Assert.Equal(0.7, spread.Csat!.Value, 10);
        Assert.Equal(Csat(70, 100).CsatLow, spread.CsatLow);
        Assert.Equal(Csat(70, 100).CsatHigh, spread.CsatHigh);
    }
}
