namespace Engagement.Core.Surveys;

/// <summary>One participant's answers to a survey, keyed by question id; one response per participant per survey.</summary>
public sealed record SurveyResponse
{
    public required string Id { get; init; }
    public required string SurveyId { get; init; }
    public required string OrganisationId { get; init; }
    public required string ParticipantId { get; init; }
    public required string Language { get; init; }
    public required IReadOnlyDictionary<string, Answer> Answers { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }

    /// <summary>The sentiment tagger's reading of each text answer, by question id, as they are tagged.</summary>
    public IReadOnlyDictionary<string, Insights.SentimentTag> Sentiments { get; init; } = new Dictionary<string, Insights.SentimentTag>();
}

/// <summary>
/// An answer to one question. Exactly one part is set, matching the question type: option ids for choice
/// questions, a number for rating and NPS, a yes/no flag, or a text.
/// </summary>
public sealed record Answer
{
    public IReadOnlyList<string>? Choices { get; init; }
    public int? Number { get; init; }
    public bool? YesNo { get; init; }
    public string? Text { get; init; }

    public static Answer Choice(params string[] optionIds) => new() { Choices = optionIds };

    public static Answer Of(int number) => new() { Number = number };

    public static Answer Of(bool yes) => new() { YesNo = yes };

    public static Answer OfText(string text) => new() { Text = text };

    /// <summary>How many parts are set; a well-formed answer has exactly one.</summary>
    internal int PartCount => (Choices is null ? 0 : 1) + (Number is null ? 0 : 1) + (YesNo is null ? 0 : 1) + (Text is null ? 0 : 1);

    /// <summary>Whether the answer matches a show-if value (see <see cref="ShowIfOperator"/>).</summary>
    internal bool Matches(string value) =>
        Choices is not null ? Choices.Contains(value)
        : Number is { } n ? value == n.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : YesNo is { } yes ? value == (yes ? "yes" : "no")
        : Text == value;
}
