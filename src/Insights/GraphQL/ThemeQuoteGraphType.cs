using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>A text quoted word for word as an example of its theme, with the record it comes from.</summary>
internal sealed class ThemeQuoteGraphType : ObjectGraphType<ThemeQuote>
{
    public ThemeQuoteGraphType()
    {
        Name = "ThemeQuote";
        Field("kind", new NonNullGraphType(new GraphQLTypeReference("TextKind"))).Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<IdGraphType>>("targetId").Description("The comment's or rating's id, or responseId/questionId for a survey answer.").Resolve(ctx => ctx.Source.TargetId);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(ctx => ctx.Source.Text);
    }
}
