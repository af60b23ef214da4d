using Engagement.Core.Common;
using Engagement.Core.Surveys;
using Engagement.Core.Tests.Support;
using static Engagement.Core.Tests.Support.Questions;

namespace Engagement.Core.Tests.Surveys;

/// <summary>Live survey results read off the tally match the responses submitted.</summary>
public sealed class GetSurveyResultsTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private static Dictionary<string, long> CountsOf(GetSurveyResults.QuestionResult question) =>
        question.Counts.ToDictionary(c => c.Value, c => c.Count);

    [Fact]
    public async Task Results_count_every_option_score_and_yes_no_of_the_submitted_responses()
    {
        var survey = await _platform.CreateOpenSurveyAsync(
            SingleChoice("transport", "bike", "bus", "car"),
            MultipleChoice("days", "mon", "tue", "wed"),
            Rating("satisfaction"),
            Nps("recommend"),
            YesNo("again"),
            ShortText("comment"));
        ResultAssert.Succeeded(await _platform.SubmitAsync(survey,
            ("transport", Answer.Choice("bike")), ("days", Answer.Choice("mon", "tue")), ("satisfaction", Answer.Of(5)),
            ("recommend", Answer.Of(10)), ("again", Answer.Of(true)), ("comment", Answer.OfText("Great"))));
        ResultAssert.Succeeded(await _platform.SubmitAsync(survey,
            ("transport", Answer.Choice("bike")), ("days", Answer.Choice("mon")), ("satisfaction", Answer.Of(2)),
            ("again", Answer.Of(false)), ("comment", Answer.OfText("  "))));
        ResultAssert.Succeeded(await _platform.SubmitAsync(survey,
            ("transport", Answer.Choice("car")), ("satisfaction", Answer.Of(5)), ("recommend", Answer.Of(0)), ("again", Answer.Of(true))));

        var results = ResultAssert.Succeeded(await _platform.GetSurveyResults.ExecuteAsync(survey.Id));

        Assert.Equal((survey.Id, 3L), (results.SurveyId, results.Responses));
        Assert.Equal(["transport", "days", "satisfaction", "recommend", "again", "comment"], results.Questions.Select(q => q.QuestionId));
        var q = results.Questions.ToDictionary(r => r.QuestionId);

        Assert.Equal((QuestionType.SingleChoice, 3L), (q["transport"].Type, q["transport"].Answered));
        Assert.Equal(new Dictionary<string, long> { ["bike"] = 2, ["bus"] = 0, ["car"] = 1 }, CountsOf(q["transport"]));
        Assert.Equal(["bike", "bus", "car"], q["transport"].Counts.Select(c => c.Value));

        Assert.Equal(2, q["days"].Answered);
        Assert.Equal(new Dictionary<string, long> { ["mon"] = 2, ["tue"] = 1, ["wed"] = 0 }, CountsOf(q["days"]));

        Assert.Equal(3, q["satisfaction"].Answered);
        Assert.Equal(["1", "2", "3", "4", "5"], q["satisfaction"].Counts.Select(c => c.Value));
        Assert.Equal([0L, 1, 0, 0, 2], q["satisfaction"].Counts.Select(c => c.Count));

        Assert.Equal(2, q["recommend"].Answered);
        Assert.Equal(Enumerable.Range(0, 11).Select(TestPlatform.Number), q["recommend"].Counts.Select(c => c.Value));
        Assert.Equal(new Dictionary<string, long> { ["0"] = 1, ["10"] = 1 }, CountsOf(q["recommend"]).Where(c => c.Value != 0).ToDictionary());

        Assert.Equal(3, q["again"].Answered);
        Assert.Equal(new Dictionary<string, long> { ["yes"] = 2, ["no"] = 1 }, CountsOf(q["again"]));

        Assert.Equal(1, q["comment"].Answered);
        Assert.Empty(q["comment"].Counts);
    }

    [Fact]
    public async Task Results_of_a_survey_without_responses_are_all_zero()
    {
        var survey = await _platform.CreateOpenSurveyAsync(SingleChoice("transport", "bike", "bus"), Rating("satisfaction"));

        var results = ResultAssert.Succeeded(await _platform.GetSurveyResults.ExecuteAsync(survey.Id));

        Assert.Equal(0, results.Responses);
        Assert.All(results.Questions, question =>
        {
            Assert.Equal(0, question.Answered);
            Assert.All(question.Counts, c => Assert.Equal(0, c.Count));
        });
    }

    [Fact]
    public async Task Results_do_not_count_a_refused_response()
    {
        var survey = await _platform.CreateOpenSurveyAsync(Rating("satisfaction"), YesNo("again") with { Required = true });
        ResultAssert.Succeeded(await _platform.SubmitAsync(survey, ("satisfaction", Answer.Of(4)), ("again", Answer.Of(true))));
        Assert.False((await _platform.SubmitAsync(survey, ("satisfaction", Answer.Of(4)))).Succeeded);

        var results = ResultAssert.Succeeded(await _platform.GetSurveyResults.ExecuteAsync(survey.Id));

        Assert.Equal(1, results.Responses);
        Assert.Equal(1, results.Questions[0].Answered);
        Assert.Equal(1, results.Questions[0].Counts.Single(c => c.Value == "4").Count);
    }

    [Fact]
    public async Task Results_are_refused_for_an_unknown_survey()
    {
        ResultAssert.FailedOnly(await _platform.GetSurveyResults.ExecuteAsync(Ids.New()), "surveyId", ErrorCodes.NotFound);
    }
}
