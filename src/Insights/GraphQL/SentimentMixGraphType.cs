using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>How many public texts were read as each sentiment, and the shares among those with a label.</summary>
internal sealed class SentimentMixGraphType : ObjectGraphType<SentimentMix>
{
    public SentimentMixGraphType()
    {
        Name = "SentimentMix";
        Field<NonNullGraphType<IntGraphType>>("negative").Resolve(ctx => (int)ctx.Source.Negative);
        Field<NonNullGraphType<IntGraphType>>("neutral").Resolve(ctx => (int)ctx.Source.Neutral);
        Field<NonNullGraphType<IntGraphType>>("positive").Resolve(ctx => (int)ctx.Source.Positive);
        Field<NonNullGraphType<IntGraphType>>("unknown").Description("Texts with nothing to read or in another language.").Resolve(ctx => (int)ctx.Source.Unknown);
        Field(x => x.NegativeShare, nullable: true).Description("Share of labelled texts that are negative, 0 to 1; null with none.");
        Field(x => x.NeutralShare, nullable: true);
        Field(x => x.PositiveShare, nullable: true);
    }
}
