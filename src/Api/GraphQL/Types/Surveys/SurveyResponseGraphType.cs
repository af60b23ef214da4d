using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>The receipt of a submitted survey response.</summary>
internal sealed class SurveyResponseGraphType : ObjectGraphType<SurveyResponse>
{
    public SurveyResponseGraphType()
    {
        Name = "SurveyResponse";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.SurveyId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Language);
        Field(x => x.SubmittedAt);
        Field<NonNullGraphType<IntGraphType>>("answerCount").Description("Answers kept (blank optional answers are dropped).")
            .Resolve(ctx => ctx.Source.Answers.Count);
    }
}
