using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>How many answers gave one value (an option id, a score, yes or no).</summary>
internal sealed class ValueCountGraphType : ObjectGraphType<GetSurveyResults.ValueCount>
{
    public ValueCountGraphType()
    {
        Name = "ValueCount";
        Field(x => x.Value);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => (int)ctx.Source.Count);
    }
}
