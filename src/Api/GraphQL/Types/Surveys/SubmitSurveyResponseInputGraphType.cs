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
    }
}

/// <summary>The bound form of <see cref="SubmitSurveyResponseInputGraphType"/>.</summary>
public sealed class SubmitSurveyResponseInput
{
    public string SurveyId { get; set; } = "";
    public string ParticipantToken { get; set; } = "";
    public string Language { get; set; } = "";
    public List<AnswerInput> Answers { get; set; } = [];
}
