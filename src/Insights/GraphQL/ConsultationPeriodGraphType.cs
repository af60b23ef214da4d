using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>What a consultation heard in one period (or, with no dates, in all).</summary>
internal sealed class ConsultationPeriodGraphType : ObjectGraphType<ConsultationPeriod>
{
    public ConsultationPeriodGraphType()
    {
        Name = "ConsultationPeriod";
        Field<DateOnlyGraphType>("start").Description("Null for all time.").Resolve(ctx => ctx.Source.Start);
        Field<DateOnlyGraphType>("end").Resolve(ctx => ctx.Source.End);
        Field<NonNullGraphType<IntGraphType>>("received").Description("Comments and replies written, whatever became of them.").Resolve(ctx => (int)ctx.Source.Received);
        Field<NonNullGraphType<IntGraphType>>("publishedComments").Resolve(ctx => (int)ctx.Source.PublishedComments);
        Field<NonNullGraphType<IntGraphType>>("publishedReplies").Resolve(ctx => (int)ctx.Source.PublishedReplies);
        Field<NonNullGraphType<SentimentMixGraphType>>("sentiment").Resolve(ctx => ctx.Source.Sentiment);
    }
}
