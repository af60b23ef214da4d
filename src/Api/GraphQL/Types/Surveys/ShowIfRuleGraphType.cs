using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>Shows a question depending on the answer to an earlier one.</summary>
internal sealed class ShowIfRuleGraphType : ObjectGraphType<ShowIfRule>
{
    public ShowIfRuleGraphType()
    {
        Name = "ShowIfRule";
        Field(x => x.QuestionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<ShowIfOperatorGraphType>>("operator").Resolve(ctx => ctx.Source.Operator);
        Field(x => x.Value, nullable: true).Description("An option id, a number, or yes/no; none for ANSWERED.");
    }
}
