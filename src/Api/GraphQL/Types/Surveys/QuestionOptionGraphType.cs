using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>An option of a choice question.</summary>
internal sealed class QuestionOptionGraphType : ObjectGraphType<QuestionOption>
{
    public QuestionOptionGraphType()
    {
        Name = "QuestionOption";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<LocalizedTextGraphType>>("label").Resolve(ctx => ctx.Source.Label);
    }
}
