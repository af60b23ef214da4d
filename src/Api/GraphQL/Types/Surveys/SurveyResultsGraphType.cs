using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>A survey's live results.</summary>
internal sealed class SurveyResultsGraphType : ObjectGraphType<GetSurveyResults.Results>
{
    public SurveyResultsGraphType()
    {
        Name = "SurveyResults";
        Field<NonNullGraphType<IntGraphType>>("responses").Resolve(ctx => (int)ctx.Source.Responses);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionResultGraphType>>>>("questions").Resolve(ctx => ctx.Source.Questions);
    }
}
