using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>What a survey heard in one period (or, with no dates, in all).</summary>
internal sealed class SurveyPeriodGraphType : ObjectGraphType<SurveyPeriod>
{
    public SurveyPeriodGraphType()
    {
        Name = "SurveyPeriod";
        Field<DateOnlyGraphType>("start").Description("Null for all time.").Resolve(ctx => ctx.Source.Start);
        Field<DateOnlyGraphType>("end").Resolve(ctx => ctx.Source.End);
        Field<NonNullGraphType<IntGraphType>>("responses").Resolve(ctx => (int)ctx.Source.Responses);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NpsResultGraphType>>>>("nps").Description("One per NPS question, in the survey's order.").Resolve(ctx => ctx.Source.Nps);
        Field<NonNullGraphType<SentimentMixGraphType>>("sentiment").Description("The sentiment of the text answers.").Resolve(ctx => ctx.Source.Sentiment);
    }
}
