using System.Globalization;
using System.Text.RegularExpressions;
using Engagement.Core.Common;

namespace Engagement.Core.Surveys;

/// <summary>Checks that a survey's questions make sense before it is stored: ids, options, show-if rules.</summary>
public static partial class SurveyDefinitionRules
{
    public const int MaxQuestions = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 50;

    public static void Validate(Validator v, IReadOnlyList<Question>? questions, SupportedLanguages languages)
    {
        if (questions is null || questions.Count == 0)
        {
            v.Add("questions", ErrorCodes.Required, "A survey needs at least one question.");
            return;
        }
        if (questions.Count > MaxQuestions)
        {
            v.Add("questions", ErrorCodes.OutOfRange, $"A survey has at most {MaxQuestions} questions; this one has {questions.Count}.");
            return;
        }

        var earlier = new Dictionary<string, Question>(StringComparer.Ordinal);
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var field = $"questions[{i}]";
            if (q is null)
            {
                v.Add(field, ErrorCodes.Required, "This question is empty.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(q.Id))
                v.Add($"{field}.id", ErrorCodes.Required, "Every question needs an id.");
            else if (q.Id.Length > TextLimits.QuestionId || !KeyPattern().IsMatch(q.Id))
                v.Add($"{field}.id", ErrorCodes.InvalidFormat, $"Question ids use 1 to {TextLimits.QuestionId} letters, digits, '-' and '_'.");
            else if (earlier.ContainsKey(q.Id))
                v.Add($"{field}.id", ErrorCodes.Duplicate, $"Question id '{q.Id}' is used twice.");

            if (!Enum.IsDefined(q.Type))
                v.Add($"{field}.type", ErrorCodes.InvalidFormat, "Unknown question type.");
            v.Localized($"{field}.prompt", q.Prompt, languages, TextLimits.QuestionPrompt, requireAll: true);
            ValidateOptions(v, field, q, languages);
            if (q.ShowIf is not null)
                ValidateShowIf(v, field, q.ShowIf, earlier);

            if (!string.IsNullOrWhiteSpace(q.Id))
                earlier.TryAdd(q.Id, q);
        }
    }

    private static void ValidateOptions(Validator v, string field, Question q, SupportedLanguages languages)
    {
        var options = q.Options ?? [];
        if (!q.IsChoice)
        {
            if (options.Count > 0)
                v.Add($"{field}.options", ErrorCodes.InvalidFormat, $"A {q.Type} question has no options.");
            return;
        }
        if (options.Count is < MinOptions or > MaxOptions)
        {
            v.Add($"{field}.options", ErrorCodes.OutOfRange, $"A choice question has {MinOptions} to {MaxOptions} options; this one has {options.Count}.");
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < options.Count; j++)
        {
            var o = options[j];
            var of = $"{field}.options[{j}]";
            if (string.IsNullOrWhiteSpace(o?.Id))
                v.Add($"{of}.id", ErrorCodes.Required, "Every option needs an id.");
            else if (o.Id.Length > TextLimits.QuestionId || !KeyPattern().IsMatch(o.Id))
                v.Add($"{of}.id", ErrorCodes.InvalidFormat, $"Option ids use 1 to {TextLimits.QuestionId} letters, digits, '-' and '_'.");
            else if (!seen.Add(o.Id))
                v.Add($"{of}.id", ErrorCodes.Duplicate, $"Option id '{o.Id}' is used twice in this question.");
            v.Localized($"{of}.label", o?.Label, languages, TextLimits.OptionLabel, requireAll: true);
        }
    }

    private static void ValidateShowIf(Validator v, string field, ShowIfRule rule, Dictionary<string, Question> earlier)
    {
        var rf = $"{field}.showIf";
        if (string.IsNullOrWhiteSpace(rule.QuestionId) || !earlier.TryGetValue(rule.QuestionId, out var source))
        {
            v.Add($"{rf}.questionId", ErrorCodes.UnknownQuestion, "A show-if rule must refer to an earlier question of the same survey.");
            return;
        }
        if (!Enum.IsDefined(rule.Operator))
        {
            v.Add($"{rf}.operator", ErrorCodes.InvalidFormat, "Unknown show-if operator.");
            return;
        }
        if (rule.Operator == ShowIfOperator.Answered)
        {
            if (rule.Value is not null)
                v.Add($"{rf}.value", ErrorCodes.InvalidFormat, "An 'answered' rule takes no value.");
            return;
        }
        if (source.IsText)
        {
            v.Add($"{rf}.operator", ErrorCodes.InvalidFormat, "Text answers can only be tested with 'answered'.");
            return;
        }
        if (rule.Value is null || !IsValidValue(source, rule.Value))
            v.Add($"{rf}.value", ErrorCodes.OutOfRange, $"'{Validator.Truncate(rule.Value ?? "")}' is not a possible answer to question '{source.Id}'.");
    }

    // Numbers must be written canonically ("5", not "05"): answers are compared as their canonical text.
    private static bool IsValidValue(Question source, string value) => source.Type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice => source.Options.Any(o => o.Id == value),
        QuestionType.Rating => IsCanonicalNumber(value, 1, 5),
        QuestionType.Nps => IsCanonicalNumber(value, 0, 10),
        QuestionType.YesNo => value is "yes" or "no",
        _ => false,
    };

    // \z, not $: $ also matches before a final line break.
    private static bool IsCanonicalNumber(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        && n >= min && n <= max && value == n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("^[A-Za-z0-9_-]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
