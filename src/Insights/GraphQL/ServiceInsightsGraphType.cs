using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>A service's insights: all-time figures and one entry per period of the range asked for.</summary>
internal sealed class ServiceInsightsGraphType : ObjectGraphType<ServiceInsights>
{
    public ServiceInsightsGraphType()
    {
        Name = "ServiceInsights";
        Field("service", new NonNullGraphType(new GraphQLTypeReference("Service"))).Resolve(ctx => ctx.Source.Service);
        Field<NonNullGraphType<DateOnlyGraphType>>("from").Resolve(ctx => ctx.Source.Range.From);
        Field<NonNullGraphType<DateOnlyGraphType>>("to").Resolve(ctx => ctx.Source.Range.To);
        Field("overall", new NonNullGraphType(new GraphQLTypeReference("RatingSummary"))).Description("All ratings ever given.").Resolve(ctx => ctx.Source.Overall);
        Field<NonNullGraphType<SentimentMixGraphType>>("overallSentiment").Resolve(ctx => ctx.Source.OverallSentiment);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ServicePeriodGraphType>>>>("periods").Resolve(ctx => ctx.Source.Periods);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ThemeCountGraphType>>>>("themes")
            .Description("The organisation's latest themes as heard here, largest first (themes are learnt in the background).").Resolve(ctx => ctx.Source.Themes);
    }
}
