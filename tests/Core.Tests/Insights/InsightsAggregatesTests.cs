using Engagement.Core.Common;
using Engagement.Core.Insights;
using Engagement.Core.Screening;
using Engagement.Core.Surveys;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Insights;

/// <summary>
/// Insights per service, consultation and survey, per day or week, read off tallies kept as the writes arrive: volumes,
/// average, satisfaction with its interval, NPS and sentiment mix; and the range rules.
/// </summary>
public sealed class InsightsAggregatesTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private DateOnly Today => DateOnly.FromDateTime(_platform.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Service_insights_split_ratings_by_day_and_week_with_satisfaction_and_its_interval()
    {
        var service = await _platform.CreateServiceAsync();
        var start = Today;
        // Day 0: 5, 4, 1; day 1: nothing; day 2: 2; day 8: 5.
        foreach (var (day, score) in new[] { (0, 5), (0, 4), (0, 1), (2, 2), (8, 5) })
        {
            _platform.Clock.UtcNow = ManualClock.Start.AddDays(day).AddHours(3);
            ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, score, "en")));
        }

        var daily = ResultAssert.Succeeded(await _platform.GetServiceInsights.ExecuteAsync(new(service.Id, start, start.AddDays(8), InsightsGranularity.Day)));
        var weekly = ResultAssert.Succeeded(await _platform.GetServiceInsights.ExecuteAsync(new(service.Id, start, start.AddDays(8), InsightsGranularity.Week)));

        Assert.Equal(9, daily.Periods.Count);
        Assert.Equal([3L, 0, 1, 0, 0, 0, 0, 0, 1], daily.Periods.Select(p => p.Ratings.Count));
        Assert.Equal(10.0 / 3, daily.Periods[0].Ratings.Average!.Value, 9);
        Assert.Equal(2.0 / 3, daily.Periods[0].Ratings.Csat!.Value, 9);
        Assert.True(daily.Periods[0].Ratings.CsatLow < 2.0 / 3 && daily.Periods[0].Ratings.CsatHigh > 2.0 / 3);
        Assert.Null(daily.Periods[1].Ratings.Average);
        Assert.Equal([(start, start.AddDays(6), 4L), (start.AddDays(7), start.AddDays(8), 1L)], weekly.Periods.Select(p => (p.Start, p.End, p.Ratings.Count)));
        Assert.Equal(5, weekly.Overall.Count);
    }

    [Fact]
    public async Task Sentiment_mix_follows_the_tags_saved_for_rating_comments()
    {
        var service = await _platform.CreateServiceAsync();
        var ratings = new List<string>();
        foreach (var comment in new[] { "Slow and rude.", "Lovely staff!", "Still waiting.", "Open on Sunday?" })
            ratings.Add(ResultAssert.Succeeded(await _platform.SubmitRating.ExecuteAsync(new(service.Id, 3, "en", comment))).Id);
        SentimentTag Tag(SentimentLabel label) => new(label, 0.9f, 0, 0, 0, "en", SentimentNote.None, "m");

        await _platform.SentimentFeed.SaveTagsAsync(
        [
            (TextKind.RatingComment, ratings[0], Tag(SentimentLabel.Negative)), (TextKind.RatingComment, ratings[1], Tag(SentimentLabel.Positive)),
            (TextKind.RatingComment, ratings[2], Tag(SentimentLabel.Negative)), (TextKind.RatingComment, ratings[3], Tag(SentimentLabel.Neutral)),
        ], 0);
        var insights = ResultAssert.Succeeded(await _platform.GetServiceInsights.ExecuteAsync(new(service.Id, null, null, InsightsGranularity.Day)));

        Assert.Equal(new SentimentMix(2, 1, 1, 0), insights.OverallSentiment);
        Assert.Equal(0.5, insights.OverallSentiment.NegativeShare);
        Assert.Equal(new SentimentMix(2, 1, 1, 0), insights.Periods[^1].Sentiment);
        Assert.Equal((InsightsRange.DefaultDays, Today), (insights.Periods.Count, insights.Range.To));
    }

    [Fact]
    public async Task Consultation_insights_count_what_was_received_and_what_was_published_per_day()
    {
        var consultation = await _platform.CreateOpenConsultationAsync();
        var participants = new List<string>();
        for (var i = 0; i < 3; i++)
            participants.Add((await _platform.RegisterParticipantAsync()).Id);
        var first = ResultAssert.Succeeded(await _platform.PostComment.ExecuteAsync(new(consultation.Id, participants[0], "A comment.", "en")));
        await _platform.PostComment.ExecuteAsync(new(consultation.Id, participants[1], "A reply.", "en", first.Id));
        _platform.Screening = ScriptedScreening.Always(ScreeningOutcome.Hold);
        await _platform.PostComment.ExecuteAsync(new(consultation.Id, participants[2], "Held for now.", "en"));

        var insights = ResultAssert.Succeeded(await _platform.GetConsultationInsights.ExecuteAsync(new(consultation.Id, Today, Today, InsightsGranularity.Day)));

        Assert.Equal((3L, 1L, 1L), (insights.Periods.Single().Received, insights.Periods.Single().PublishedComments, insights.Periods.Single().PublishedReplies));
        Assert.Equal((null, null, 3L), (insights.Overall.Start, insights.Overall.End, insights.Overall.Received));
    }

    [Fact]
    public async Task Survey_insights_give_the_net_promoter_score_of_each_nps_question()
    {
        var survey = await _platform.CreateOpenSurveyAsync(Questions.Nps("recommend"), Questions.ShortText("why"));
        foreach (var score in new[] { 10, 9, 8, 7, 6, 0, 10 })
        {
            var participant = (await _platform.RegisterParticipantAsync()).Id;
            ResultAssert.Succeeded(await _platform.SubmitSurveyResponse.ExecuteAsync(new(survey.Id, participant, "en",
                new Dictionary<string, Answer> { ["recommend"] = Answer.Of(score) })));
        }

        var insights = ResultAssert.Succeeded(await _platform.GetSurveyInsights.ExecuteAsync(new(survey.Id, Today, Today, InsightsGranularity.Week)));

        var nps = insights.Overall.Nps.Single();
        Assert.Equal(("recommend", 7L, 3L, 2L, 2L), (nps.QuestionId, nps.Answers, nps.Promoters, nps.Passives, nps.Detractors));
        Assert.Equal(100.0 * (3 - 2) / 7, nps.Score!.Value, 9);
        Assert.Equal(7, insights.Periods.Single().Responses);
        Assert.Equal(nps, insights.Periods.Single().Nps.Single());
    }

    [Theory]
    [InlineData(5, 1, "from")]
    [InlineData(0, 366, "to")]
    public async Task A_reversed_or_too_long_range_is_refused_naming_the_field(int fromDays, int toDays, string field)
    {
        var service = await _platform.CreateServiceAsync();

        var result = await _platform.GetServiceInsights.ExecuteAsync(new(service.Id, Today.AddDays(fromDays), Today.AddDays(toDays), InsightsGranularity.Day));

        ResultAssert.Failed(result, field, ErrorCodes.OutOfRange);
    }

    [Fact]
    public async Task Unknown_records_and_granularities_are_refused()
    {
        ResultAssert.Failed(await _platform.GetServiceInsights.ExecuteAsync(new(Ids.New(), null, null, InsightsGranularity.Day)), "serviceId", ErrorCodes.NotFound);
        ResultAssert.Failed(await _platform.GetConsultationInsights.ExecuteAsync(new(Ids.New(), null, null, InsightsGranularity.Day)), "consultationId", ErrorCodes.NotFound);
        ResultAssert.Failed(await _platform.GetSurveyInsights.ExecuteAsync(new(Ids.New(), null, null, (InsightsGranularity)9)), "granularity", ErrorCodes.InvalidFormat);
    }
}
