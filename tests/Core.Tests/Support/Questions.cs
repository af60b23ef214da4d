using Engagement.Core.Common;
using Engagement.Core.Surveys;

namespace Engagement.Core.Tests.Support;

/// <summary>Builds survey questions with prompts in both languages; adjust with <c>with { Required = true }</c>.</summary>
public static class Questions
{
    public static LocalizedText Prompt(string id) => LocalizedText.EnFr($"Question {id}?", $"Question {id} ?");

    public static Question Of(string id, QuestionType type, bool required = false, ShowIfRule? showIf = null) =>
        new() { Id = id, Type = type, Prompt = Prompt(id), Required = required, ShowIf = showIf };

    public static QuestionOption Option(string id) => new(id, LocalizedText.EnFr($"Option {id}", $"Option {id}"));

    public static Question SingleChoice(string id, params string[] options) =>
        Of(id, QuestionType.SingleChoice) with { Options = options.Select(Option).ToArray() };

    public static Question MultipleChoice(string id, params string[] options) =>
        Of(id, QuestionType.MultipleChoice) with { Options = options.Select(Option).ToArray() };

    public static Question Rating(string id) => Of(id, QuestionType.Rating);

    public static Question Nps(string id) => Of(id, QuestionType.Nps);

    public static Question YesNo(string id) => Of(id, QuestionType.YesNo);

    public static Question ShortText(string id) => Of(id, QuestionType.ShortText);

    public static Question LongText(string id) => Of(id, QuestionType.LongText);

    public static ShowIfRule ShowIfAnswered(string questionId) => new(questionId, ShowIfOperator.Answered);

    public static ShowIfRule ShowIfEquals(string questionId, string value) => new(questionId, ShowIfOperator.Equals, value);

    public static ShowIfRule ShowIfNotEquals(string questionId, string value) => new(questionId, ShowIfOperator.NotEquals, value);
}
