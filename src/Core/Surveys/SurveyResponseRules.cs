using Engagement.Core.Common;

namespace Engagement.Core.Surveys;

/// <summary>
/// Checks a response against its survey: every answer's question exists and is shown, the answer has the
/// question's type and known options, and every shown required question is answered. Messages name the question.
/// </summary>
public static class SurveyResponseRules
{
    /// <summary>Which questions are shown for these answers, in survey order; show-if rules look only backwards.</summary>
    public static IReadOnlySet<string> VisibleQuestions(Survey survey, IReadOnlyDictionary<string, Answer> answers)
    {
        var visible = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in survey.Questions)
        {
            if (q.ShowIf is not { } rule)
            {
                visible.Add(q.Id);
                continue;
            }
            // A hidden or blank earlier answer counts as unanswered, so hiding cascades down the chain.
            var source = visible.Contains(rule.QuestionId) && answers.TryGetValue(rule.QuestionId, out var a) && !IsBlank(a) ? a : null;
            var shown = rule.Operator switch
            {
                ShowIfOperator.Answered => source is not null,
                ShowIfOperator.Equals => source is not null && source.Matches(rule.Value!),
                ShowIfOperator.NotEquals => source is not null && !source.Matches(rule.Value!),
                _ => false,
            };
            if (shown)
                visible.Add(q.Id);
        }
        return visible;
    }

    public static void Validate(Validator v, Survey survey, IReadOnlyDictionary<string, Answer>? answers)
    {
        answers ??= new Dictionary<string, Answer>();
        foreach (var key in answers.Keys)
        {
            if (survey.FindQuestion(key) is null)
                v.Add($"answers.{Validator.Truncate(key)}", ErrorCodes.UnknownQuestion, $"This survey has no question '{Validator.Truncate(key)}'.");
        }

        var visible = VisibleQuestions(survey, answers);
        foreach (var q in survey.Questions)
        {
            var field = $"answers.{q.Id}";
            var name = $"Question '{q.Id}' ({q.Prompt.In("en")})";
            answers.TryGetValue(q.Id, out var answer);
            if (!visible.Contains(q.Id))
            {
                // A blank answer to a hidden question is what a form without JavaScript posts: ignore it.
                if (!IsBlank(answer))
                    v.Add(field, ErrorCodes.HiddenQuestion, $"{name} is not shown for the answers given, so it cannot be answered.");
                continue;
            }
            if (IsBlank(answer))
            {
                if (q.Required)
                    v.Add(field, ErrorCodes.Required, $"{name} requires an answer.");
                continue;
            }
            ValidateAnswer(v, field, name, q, answer!);
        }
    }

    /// <summary>An answer with nothing in it (no choice, blank text) counts as no answer.</summary>
    internal static bool IsBlank(Answer? a) =>
        a is null || a.PartCount == 0 || (a.PartCount == 1 && ((a.Text is not null && string.IsNullOrWhiteSpace(a.Text)) || a.Choices is { Count: 0 }));

    private static void ValidateAnswer(Validator v, string field, string name, Question q, Answer a)
    {
        var expected = q.Type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => a.Choices is not null,
            QuestionType.Rating or QuestionType.Nps => a.Number is not null,
            QuestionType.YesNo => a.YesNo is not null,
            _ => a.Text is not null,
        };
        if (a.PartCount != 1 || !expected)
        {
            v.Add(field, ErrorCodes.WrongType, $"{name} expects {Describe(q.Type)}.");
            return;
        }

        switch (q.Type)
        {
            case QuestionType.SingleChoice when a.Choices!.Count != 1:
                v.Add(field, ErrorCodes.WrongType, $"{name} takes exactly one option.");
                break;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                foreach (var choice in a.Choices!)
                {
                    if (!q.Options.Any(o => o.Id == choice))
                        v.Add(field, ErrorCodes.UnknownOption, $"{name} has no option '{Validator.Truncate(choice ?? "")}'.");
                }
                if (a.Choices!.Distinct(StringComparer.Ordinal).Count() != a.Choices!.Count)
                    v.Add(field, ErrorCodes.Duplicate, $"{name} lists the same option twice.");
                break;
            case QuestionType.Rating when a.Number is < 1 or > 5:
                v.Add(field, ErrorCodes.OutOfRange, $"{name} takes a rating from 1 to 5.");
                break;
            case QuestionType.Nps when a.Number is < 0 or > 10:
                v.Add(field, ErrorCodes.OutOfRange, $"{name} takes a score from 0 to 10.");
                break;
            case QuestionType.ShortText:
                v.OptionalText(field, a.Text, TextLimits.ShortAnswer, name);
                break;
            case QuestionType.LongText:
                v.OptionalText(field, a.Text, TextLimits.LongAnswer, name);
                break;
        }
    }

    private static string Describe(QuestionType type) => type switch
    {
        QuestionType.SingleChoice => "one option",
        QuestionType.MultipleChoice => "a list of options",
        QuestionType.Rating => "a number from 1 to 5",
        QuestionType.Nps => "a number from 0 to 10",
        QuestionType.YesNo => "yes or no",
        _ => "a text",
    };
}
