using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>One question's live results: how many answered, and the count of each value.</summary>
internal sealed class QuestionResultGraphType : ObjectGraphType<GetSurveyResults.QuestionResult>
{
    public QuestionResultGraphType()
    {
        Name = "QuestionResult";
        Field(x => x.QuestionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<QuestionTypeGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<IntGraphType>>("answered").Resolve(ctx => (int)ctx.Source.Answered);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ValueCountGraphType>>>>("counts").Resolve(ctx => ctx.Source.Counts);
    }
}
