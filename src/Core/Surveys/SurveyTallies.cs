using System.Globalization;
using Engagement.Core.Tallies;

namespace Engagement.Core.Surveys;

/// <summary>
/// The tally buckets a response moves in its survey's scope: "responses"; "q.{id}" (answered); and one
/// bucket per value, "q.{id}.{option}", "q.{id}.{number}", "q.{id}.yes"/"no". Text answers count as answered only.
/// </summary>
public static class SurveyTallies
{
    public const string Responses = "responses";

    public static string Answered(string questionId) => $"q.{questionId}";

    public static string Value(string questionId, string value) => $"q.{questionId}.{value}";

    /// <summary>What a response adds, in its survey and in the survey's day of the response.</summary>
    public static TallyDelta ForResponse(SurveyResponse response)
    {
        var delta = new TallyDelta();
        foreach (var scope in new[] { TallyScopes.Survey(response.SurveyId), TallyScopes.SurveyDay(response.SurveyId, TallyScopes.DayOf(response.SubmittedAt)) })
            Add(delta, scope, response);
        return delta;
    }

    private static void Add(TallyDelta delta, string scope, SurveyResponse response)
    {
        delta.Add(scope, Responses);
        foreach (var (questionId, answer) in response.Answers)
        {
            delta.Add(scope, Answered(questionId));
            if (answer.Choices is { } choices)
            {
                foreach (var choice in choices)
                    delta.Add(scope, Value(questionId, choice));
            }
            else if (answer.Number is { } n)
                delta.Add(scope, Value(questionId, n.ToString(CultureInfo.InvariantCulture)));
            else if (answer.YesNo is { } yes)
                delta.Add(scope, Value(questionId, yes ? "yes" : "no"));
        }
    }
}
