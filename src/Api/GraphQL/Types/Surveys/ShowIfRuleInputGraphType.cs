using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>A show-if rule of a question being created or edited.</summary>
internal sealed class ShowIfRuleInputGraphType : InputObjectGraphType<ShowIfRuleInput>
{
    public ShowIfRuleInputGraphType()
    {
        Name = "ShowIfRuleInput";
        Field(x => x.QuestionId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Operator, type: typeof(NonNullGraphType<ShowIfOperatorGraphType>));
        Field(x => x.Value, nullable: true);
    }
}

/// <summary>The bound form of <see cref="ShowIfRuleInputGraphType"/>.</summary>
public sealed class ShowIfRuleInput
{
    public string QuestionId { get; set; } = "";
    public ShowIfOperator Operator { get; set; }
    public string? Value { get; set; }
}
