using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>A participant's answers to a survey; one response per participant.</summary>
internal sealed class SubmitSurveyResponseInputGraphType : InputObjectGraphType<SubmitSurveyResponseInput>
{
    public SubmitSurveyResponseInputGraphType()
    {
        Name = "SubmitSurveyResponseInput";
        Field(x => x.SurveyId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.ParticipantToken);
        Field(x => x.Language);
        Field(x => x.Answers, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<AnswerInputGraphType>>>));
        Field(x => x.FollowUpEmail, nullable: true).Description("Where to say what this feedback led to (\"you said, we did\"); kept for that alone and deleted once used or after the retention period. Kept only when the response has a written answer.");
    }
}

/// <summary>The bound form of <see cref="SubmitSurveyResponseInputGraphType"/>.</summary>
public sealed class SubmitSurveyResponseInput
{
    public string SurveyId { get; set; } = "";
    public string ParticipantToken { get; set; } = "";
    public string Language { get; set; } = "";
    public List<AnswerInput> Answers { get; set; } = [];
    public string? FollowUpEmail { get; set; }
}
