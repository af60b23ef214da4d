using Engagement.Core.Common;
using Engagement.Core.Consultations;

namespace Engagement.Core.Surveys;

/// <summary>A survey with its questions, stored as one document; optionally attached to a consultation.</summary>
public sealed record Survey
{
    public required string Id { get; init; }
    public required string OrganisationId { get; init; }
    public string? ConsultationId { get; init; }
    public required string Slug { get; init; }
    public required LocalizedText Title { get; init; }
    public LocalizedText Description { get; init; } = LocalizedText.Empty;
    public required SurveyStatus Status { get; init; }
    public required IdentityPolicy IdentityPolicy { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Incremented on every stored change; used for optimistic concurrency.</summary>
    public required int Version { get; init; }

    public Question? FindQuestion(string id) => Questions.FirstOrDefault(q => q.Id == id);
}

/// <summary>The lifecycle of a survey: questions can change only while it is a draft.</summary>
public enum SurveyStatus
{
    Draft,
    Open,
    Closed,
}

/// <summary>One question. Choice questions carry options; show-if rules may only refer to earlier questions.</summary>
public sealed record Question
{
    /// <summary>A stable key, unique in the survey (letters, digits, '-' and '_').</summary>
    public required string Id { get; init; }

    public required QuestionType Type { get; init; }
    public required LocalizedText Prompt { get; init; }
    public bool Required { get; init; }
    public IReadOnlyList<QuestionOption> Options { get; init; } = [];

    /// <summary>When set, the question is shown (and may be answered) only when the rule holds.</summary>
    public ShowIfRule? ShowIf { get; init; }

    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.MultipleChoice;

    public bool IsText => Type is QuestionType.ShortText or QuestionType.LongText;
}

/// <summary>The kinds of question a survey can ask.</summary>
public enum QuestionType
{
    SingleChoice,
    MultipleChoice,

    /// <summary>A rating from 1 to 5.</summary>
    Rating,

    /// <summary>Net Promoter Score: 0 to 10.</summary>
    Nps,

    YesNo,
    ShortText,
    LongText,
}

/// <summary>An option of a choice question: a stable id and its label per language.</summary>
public sealed record QuestionOption(string Id, LocalizedText Label);

/// <summary>Shows a question depending on the answer to an earlier one.</summary>
public sealed record ShowIfRule(string QuestionId, ShowIfOperator Operator, string? Value = null);

/// <summary>
/// How a show-if rule compares. Values are written as the answer's canonical text: an option id, a number,
/// or "yes"/"no". For multiple choice, Equals means "includes the option".
/// </summary>
public enum ShowIfOperator
{
    /// <summary>Shown when the earlier question was answered.</summary>
    Answered,

    /// <summary>Shown when the earlier question was answered with the value.</summary>
    Equals,

    /// <summary>Shown when the earlier question was answered with something other than the value.</summary>
    NotEquals,
}
