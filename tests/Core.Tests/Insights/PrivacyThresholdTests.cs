using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Insights;

/// <summary>
/// The privacy threshold (k = 5): groups under five are withheld with what is derived from them, a lone withheld part of
/// a shown total takes a second part with it, and an insights report applies the rule to every figure, theme and quote.
/// </summary>
public sealed class PrivacyThresholdTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private GetInsightsReport Report => new(_platform.GetServiceInsights, _platform.GetConsultationInsights, _platform.GetSurveyInsights, _platform.Themes, _platform.DriftAlerts);

    private DateOnly Today => DateOnly.FromDateTime(_platform.Clock.GetUtcNow().UtcDateTime);

    [Theory]
    [InlineData(0, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(120, true)]
    public void Groups_under_five_are_withheld(long count, bool shown)
    {
        Assert.Equal(shown, PrivacyThreshold.Allows(count));
        Assert.Equal(shown ? count : null, PrivacyThreshold.Show(count));
    }

    [Fact]
    public void A_lone_small_part_of_a_shown_total_takes_the_next_smallest_part_with_it()
    {
        Assert.Equal([false, true, true, false], PrivacyThreshold.Withhold([20, 3, 7, 9]));
        Assert.Equal([false, false, false], PrivacyThreshold.Withhold([20, 5, 7]));
        Assert.Equal([false, true, true], PrivacyThreshold.Withhold([20, 2, 1]));
        // Without a total shown, nothing can be worked back, so only the small part goes.
        Assert.Equal([false, true, false, false], PrivacyThreshold.Withhold([20, 3, 7, 9], totalShown: false));
    }

    [Fact]
    public void A_table_is_protected_along_its_rows_and_its_columns()
    {
        // Row 0 has one small cell, so its next smallest (6) goes too; then column 0 and column 1 each have one withheld,
        // so their next smallest (12 and 8) go, and every row and column holds two withheld or none.
        var withheld = PrivacyThreshold.Withhold([[3, 6, 10], [12, 8, 9], [15, 20, 30]]);

        Assert.Equal([true, true, false], withheld[0]);
        Assert.Equal([true, true, false], withheld[1]);
        Assert.Equal([false, false, false], withheld[2]);
        Assert.All(Lines(withheld), line => Assert.NotEqual(1, line.Count(w => w)));
    }

    private static IEnumerable<bool[]> Lines(bool[][] table) =>
        table.Concat(Enumerable.Range(0, table[0].Length).Select(c => table.Select(r => r[c]).ToArray()));

    [Fact]
    public async Task A_service_report_withholds_small_periods_with_their_average_and_share_and_one_more_to_stop_differencing()
    {
        var service = await _platform.CreateServiceAsync();
        var start = Today;
        // Day 0: six ratings (5 satisfied, 1 not); day 1: two; day 2: seven (5 and 2); day 3: ten (5 and 5).
        foreach (var (day, scores) in new[] { (0, new[] { 5, 5, 4, 4, 5, 1 }), (1, [2, 5]), (2, [5, 5, 5, 5, 4, 1, 2]), (3, [4, 4, 4, 4, 4, 1, 1, 1, 1, 2]) })
            foreach (var score in scores)
            {
                _platform.Clock.UtcNow = ManualClock.Start.AddDays(day).AddHours(2);
                ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, score, "en")));
            }

        var report = ResultAssert.Succeeded(await Report.ExecuteAsync(new(service.OrganisationId, new(InsightsSubjectKind.Service, service.Id), start, start.AddDays(3), InsightsGranularity.Day)));

        Assert.Equal(25, report.Volume);
        Assert.NotNull(report.Average);
        Assert.NotNull(report.Satisfied);
        Assert.True(report.Satisfied!.Low < report.Satisfied.Value && report.Satisfied.High > report.Satisfied.Value);
        // Day 1 (2 ratings) is small; day 0 (6) is the next smallest and goes with it, so neither is total minus the rest.
        Assert.Equal([null, null, 7L, 10L], report.Periods.Select(p => p.Volume));
        Assert.Null(report.Periods[1].Average);
        Assert.Null(report.Periods[0].Average);
        Assert.NotNull(report.Periods[3].Average);
        // Day 2 has 5 satisfied but only 2 not: a share would show a group of two.
        Assert.Null(report.Periods[2].Satisfied);
        Assert.Equal(0.5, report.Periods[3].Satisfied!.Value, 9);
        Assert.Equal(new SentimentFigures(null, null, null, null), report.Sentiment);
        Assert.Null(report.Texts);
    }

    [Fact]
    public async Task Sentiment_buckets_under_five_are_withheld_and_themes_and_quotes_follow_the_same_rule()
    {
        var service = await _platform.CreateServiceAsync();
        var other = await _platform.CreateServiceAsync(service.OrganisationId);
        var labels = Enumerable.Repeat(SentimentLabel.Negative, 6).Concat(Enumerable.Repeat(SentimentLabel.Positive, 7))
            .Concat(Enumerable.Repeat(SentimentLabel.Neutral, 2)).ToList();
        var ours = new List<string>();
        foreach (var (label, i) in labels.Select((l, i) => (l, i)))
            ours.Add(ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, 3, "en", $"Comment number {i} about the counter."))).Id);
        var theirs = ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(other.Id, 3, "en", "Another service's comment."))).Id;
        SentimentTag Tag(SentimentLabel label) => new(label, 0.9f, 0, 0, 0, "en", SentimentNote.None, "m");
        await _platform.SentimentFeed.SaveTagsAsync(
            [.. ours.Select((id, i) => (TextKind.RatingComment, id, Tag(labels[i]))), (TextKind.RatingComment, theirs, Tag(SentimentLabel.Neutral))], 0);
        ThemeSummary Theme(string id, int count, params string[] quoted) => new(id, "en", [id, "terms"], count,
            [.. quoted.Select(q => new ThemeQuote(TextKind.RatingComment, q, $"quote of {q}"))])
        {
            CountsByScope = new Dictionary<string, int> { [$"service:{service.Id}"] = id == "big" ? 9 : id == "small-here" ? 3 : 2 },
        };
        await _platform.Themes.SaveAsync(new ThemeSnapshot
        {
            OrganisationId = service.OrganisationId, RefreshedAt = _platform.Clock.GetUtcNow(), Watermark = 1, TextsRead = 20,
            Themes = [Theme("big", 12, ours[0], theirs, ours[1], ours[2]), Theme("small-here", 8, ours[3]), Theme("tiny", 2, ours[4])],
            ThemeOfText = new Dictionary<string, string>(),
        });

        var report = ResultAssert.Succeeded(await Report.ExecuteAsync(new(service.OrganisationId, new(InsightsSubjectKind.Service, service.Id), null, null, InsightsGranularity.Week)));

        Assert.Equal(15, report.Texts);
        // Neutral (2) is small; unknown (0) is the next smallest, so neutral cannot be worked back from the total.
        Assert.Equal(new SentimentFigures(6, null, 7, null), report.Sentiment);
        Assert.Equal([("big", (long?)9), ("small-here", null)], report.Themes.Select(t => (t.Id, t.Count)));
        Assert.Equal(["quote of " + ours[0], "quote of " + ours[1]], report.Quotes.Select(q => q.Text));
        Assert.All(report.Quotes, q => Assert.Equal(("big", "en"), (q.ThemeId, q.Language)));
    }

    [Fact]
    public async Task Another_organisations_subject_and_a_bad_range_are_refused()
    {
        var service = await _platform.CreateServiceAsync();
        var stranger = await _platform.CreateOrganisationAsync();

        var foreign = await Report.ExecuteAsync(new(stranger.Id, new(InsightsSubjectKind.Service, service.Id), null, null, InsightsGranularity.Day));
        var reversed = await Report.ExecuteAsync(new(service.OrganisationId, new(InsightsSubjectKind.Service, service.Id), Today, Today.AddDays(-1), InsightsGranularity.Day));
        var missing = await Report.ExecuteAsync(new(service.OrganisationId, new(InsightsSubjectKind.Survey, "nope"), null, null, InsightsGranularity.Day));

        Assert.Equal(ErrorCodes.NotFound, Assert.Single(foreign.Errors).Code);
        Assert.Equal(ErrorCodes.OutOfRange, Assert.Single(reversed.Errors).Code);
        Assert.Equal(ErrorCodes.NotFound, Assert.Single(missing.Errors).Code);
    }

    [Theory]
    [InlineData("service:abc", InsightsSubjectKind.Service, "abc")]
    [InlineData("consultation:c1", InsightsSubjectKind.Consultation, "c1")]
    [InlineData("survey:s-1", InsightsSubjectKind.Survey, "s-1")]
    [InlineData("theme:abc", null, null)]
    [InlineData("service:", null, null)]
    [InlineData(":abc", null, null)]
    [InlineData("service:a b", null, null)]
    [InlineData("", null, null)]
    public void Subjects_are_read_as_kind_and_id(string value, InsightsSubjectKind? kind, string? id)
    {
        var subject = InsightsSubject.Parse(value);
        Assert.Equal(kind, subject?.Kind);
        Assert.Equal(id, subject?.Id);
        if (subject is not null)
            Assert.Equal(value, subject.ToString());
    }
}
