using System.Globalization;
using Engagement.Core.Common;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;

namespace Engagement.Core.Insights;

/// <summary>
/// Net Promoter Score of one 0–10 question: promoters (9–10) minus detractors (0–6), as a share of everyone who answered,
/// from −100 to 100; null with no answers.
/// </summary>
public sealed record NpsResult(string QuestionId, long Answers, long Promoters, long Passives, long Detractors)
{
    public double? Score => Answers == 0 ? null : 100.0 * (Promoters - Detractors) / Answers;

    public static NpsResult From(string questionId, Tally tally)
    {
        long Count(int from, int to) => Enumerable.Range(from, to - from + 1).Sum(n => tally[SurveyTallies.Value(questionId, n.ToString(CultureInfo.InvariantCulture))]);
        var (detractors, passives, promoters) = (Count(0, 6), Count(7, 8), Count(9, 10));
        return new NpsResult(questionId, detractors + passives + promoters, promoters, passives, detractors);
    }
}

/// <summary>What a survey heard in a period: responses, the NPS of each NPS question, and the sentiment of its text answers.</summary>
/// <param name="Start">The period's first day; null (with End) for all time.</param>
public sealed record SurveyPeriod(DateOnly? Start, DateOnly? End, long Responses, IReadOnlyList<NpsResult> Nps, SentimentMix Sentiment);

/// <summary>A survey's insights: all-time figures and one entry per period of the range.</summary>
/// <param name="Themes">The organisation's latest themes as heard in this survey's text answers, largest first.</param>
public sealed record SurveyInsights(Survey Survey, InsightsRange Range, SurveyPeriod Overall, IReadOnlyList<SurveyPeriod> Periods, IReadOnlyList<ThemeCount> Themes);

/// <summary>Reads a survey's insights off its tallies (one for all time, one per day of the range): never the responses themselves.</summary>
public sealed class GetSurveyInsights(ISurveyStore surveys, ITallyStore tallies, IThemeStore themes, TimeProvider clock) : IUseCase
{
    public sealed record Request(string SurveyId, DateOnly? From, DateOnly? To, InsightsGranularity Granularity);

    public async Task<Result<SurveyInsights>> ExecuteAsync(Request request, CancellationToken ct = default)
    {
        var ranged = InsightsRange.Of(request.From, request.To, request.Granularity, TallyScopes.DayOf(clock.GetUtcNow()));
        if (!ranged.Succeeded)
            return Result<SurveyInsights>.Fail(ranged.Errors);
        var range = ranged.Value;
        if (await surveys.GetAsync(request.SurveyId, ct) is not { } survey)
            return Result<SurveyInsights>.Fail("surveyId", ErrorCodes.NotFound, "There is no such survey.");
        var npsQuestions = survey.Questions.Where(q => q.Type == QuestionType.Nps).Select(q => q.Id).ToList();
        SurveyPeriod Period(DateOnly? start, DateOnly? end, Tally tally) =>
            new(start, end, tally[SurveyTallies.Responses], [.. npsQuestions.Select(q => NpsResult.From(q, tally))], SentimentMix.From(tally));
        var overall = await tallies.GetAsync(TallyScopes.Survey(survey.Id), ct);
        var periods = await range.ReadAsync(tallies, day => TallyScopes.SurveyDay(survey.Id, day), ct);
        return new SurveyInsights(survey, range, Period(null, null, overall), [.. periods.Select(p => Period(p.Start, p.End, p.Tally))],
            ThemeSnapshot.CountsIn(await themes.GetAsync(survey.OrganisationId, ct), TallyScopes.Survey(survey.Id)));
    }
}
