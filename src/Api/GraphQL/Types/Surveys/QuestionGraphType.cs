using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Surveys;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Surveys;

/// <summary>One survey question: its type, prompt, options and show-if rule.</summary>
internal sealed class QuestionGraphType : ObjectGraphType<Question>
{
    public QuestionGraphType()
    {
        Name = "Question";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<QuestionTypeGraphType>>("type").Resolve(ctx => ctx.Source.Type);
        Field<NonNullGraphType<LocalizedTextGraphType>>("prompt").Resolve(ctx => ctx.Source.Prompt);
        Field(x => x.Required);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<QuestionOptionGraphType>>>>("options").Resolve(ctx => ctx.Source.Options);
        Field<ShowIfRuleGraphType>("showIf").Resolve(ctx => ctx.Source.ShowIf);
    }
}
