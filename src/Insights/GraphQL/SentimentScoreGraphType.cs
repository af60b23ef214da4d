using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>A text's sentiment with the model's probabilities.</summary>
internal sealed class SentimentScoreGraphType : ObjectGraphType<SentimentScore>
{
    public SentimentScoreGraphType()
    {
        Name = "SentimentScore";
        Field<NonNullGraphType<SentimentLabelGraphType>>("label").Resolve(ctx => ctx.Source.Label);
        Field<NonNullGraphType<FloatGraphType>>("probability").Description("The model's probability for the label (0 for UNKNOWN).").Resolve(ctx => (double)ctx.Source.Probability);
        Field<NonNullGraphType<FloatGraphType>>("negative").Resolve(ctx => (double)ctx.Source.Negative);
        Field<NonNullGraphType<FloatGraphType>>("neutral").Resolve(ctx => (double)ctx.Source.Neutral);
        Field<NonNullGraphType<FloatGraphType>>("positive").Resolve(ctx => (double)ctx.Source.Positive);
        Field<NonNullGraphType<StringGraphType>>("language").Description("\"en\", \"fr\", or \"und\" when the text has no words of either.").Resolve(ctx => ctx.Source.Language);
        Field<NonNullGraphType<SentimentNoteGraphType>>("note").Resolve(ctx => ctx.Source.Note);
    }
}
