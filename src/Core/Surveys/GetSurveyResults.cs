using Engagement.Core.Common;
using Engagement.Core.Tallies;

namespace Engagement.Core.Surveys;

/// <summary>A survey's live results, read off its tally: responses, and per question how many answered and each value's count.</summary>
public sealed class GetSurveyResults(ISurveyStore surveys, ITallyStore tallies) : IUseCase
{
    public sealed record QuestionResult(string QuestionId, QuestionType Type, long Answered, IReadOnlyList<ValueCount> Counts);

    public sealed record ValueCount(string Value, long Count);

    public sealed record Results(string SurveyId, long Responses, IReadOnlyList<QuestionResult> Questions);

    public async Task<Result<Results>> ExecuteAsync(string surveyId, CancellationToken ct = default)
    {
        var survey = await surveys.GetAsync(surveyId, ct);
        if (survey is null)
            return Result<Results>.Fail("surveyId", ErrorCodes.NotFound, "There is no such survey.");
        return From(survey, await tallies.GetAsync(TallyScopes.Survey(survey.Id), ct));
    }

    /// <summary>The results of a survey read off its tally, for callers that already hold both (batched API reads).</summary>
    public static Results From(Survey survey, Tally tally)
    {
        var questions = survey.Questions.Select(q =>
        {
            var values = q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.MultipleChoice => q.Options.Select(o => o.Id),
                QuestionType.Rating => Enumerable.Range(1, 5).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                QuestionType.Nps => Enumerable.Range(0, 11).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                QuestionType.YesNo => ["yes", "no"],
                _ => [],
            };
            var counts = values.Select(value => new ValueCount(value, tally[SurveyTallies.Value(q.Id, value)])).ToArray();
            return new QuestionResult(q.Id, q.Type, tally[SurveyTallies.Answered(q.Id)], counts);
        }).ToArray();
        return new Results(survey.Id, tally[SurveyTallies.Responses], questions);
    }
}
