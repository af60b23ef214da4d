using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Core.Surveys;
using Engagement.Core.Tests.Support;

namespace Engagement.Core.Tests.Moderation;

/// <summary>Survey text answers take the same screening as comments: masked, refused, or kept and queued for a person.</summary>
public sealed class SurveyAnswerScreeningTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private readonly TestPlatform _platform = new(db);

    private async Task<Result<SurveyResponse>> AnswerAsync(Survey survey, string first, string second) =>
        await _platform.SubmitSurveyResponse.ExecuteAsync(new(survey.Id, (await _platform.RegisterParticipantAsync()).Id, "en",
            new Dictionary<string, Answer> { ["a"] = new() { Text = first }, ["b"] = new() { Text = second }, ["n"] = Answer.Of(4) }));

    [Fact]
    public async Task Text_answers_are_stored_as_screening_left_them_and_numbers_are_untouched()
    {
        var screening = ScriptedScreening.Always(ScreeningOutcome.Publish, t => t.Replace("me@example.ca", "[email]", StringComparison.Ordinal));
        _platform.Screening = screening;
        var survey = await _platform.CreateOpenSurveyAsync(Questions.ShortText("a"), Questions.ShortText("b"), Questions.Rating("n"));

        var response = ResultAssert.Succeeded(await AnswerAsync(survey, "Write to me@example.ca", "Fine"));

        Assert.Equal(("Write to [email]", "Fine", 4), (response.Answers["a"].Text, response.Answers["b"].Text, response.Answers["n"].Number));
        // One response counts once towards the participant's pace: only its first text is screened as theirs.
        Assert.Equal([true, false], screening.Screened.Select(t => t.ParticipantId is not null));
        Assert.All(screening.Screened, t => Assert.Equal(TextKind.SurveyAnswer, t.Kind));
    }

    [Fact]
    public async Task A_refused_answer_refuses_the_response_naming_the_question_and_stores_nothing()
    {
        _platform.Screening = new ScriptedScreening(t => new ScreeningResult(
            t.Text.Contains("bad", StringComparison.Ordinal) ? ScreeningOutcome.Reject : ScreeningOutcome.Publish, t.Text, []));
        var survey = await _platform.CreateOpenSurveyAsync(Questions.ShortText("a"), Questions.ShortText("b"), Questions.Rating("n"));
        var before = await _platform.SnapshotAsync(survey.OrganisationId);

        ResultAssert.FailedOnly(await AnswerAsync(survey, "Fine", "bad words"), "answers.b", ErrorCodes.Rejected);

        Assert.Equal(before, await _platform.SnapshotAsync(survey.OrganisationId));
    }

    [Fact]
    public async Task A_held_answer_is_kept_and_queued_for_a_moderator()
    {
        _platform.Screening = new ScriptedScreening(t => new ScreeningResult(
            t.Text.Contains("check", StringComparison.Ordinal) ? ScreeningOutcome.Hold : ScreeningOutcome.Publish, t.Text,
            [new ScreeningReason("term.suspect", ReasonSeverity.Hold, "check")]));
        var survey = await _platform.CreateOpenSurveyAsync(Questions.ShortText("a"), Questions.ShortText("b"), Questions.Rating("n"));

        var response = ResultAssert.Succeeded(await AnswerAsync(survey, "Fine", "please check this"));

        var item = await _platform.ModerationItems.GetOpenAsync(TextKind.SurveyAnswer, $"{response.Id}/b");
        Assert.NotNull(item);
        Assert.Equal(("please check this", survey.OrganisationId), (item.Text, item.OrganisationId));
        Assert.Null(await _platform.ModerationItems.GetOpenAsync(TextKind.SurveyAnswer, $"{response.Id}/a"));
    }
}
