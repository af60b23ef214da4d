using Engagement.Core.Insights;
using GraphQL.Types;

namespace Engagement.Insights.GraphQL;

/// <summary>A service's ratings and their comments' sentiment in one period.</summary>
internal sealed class ServicePeriodGraphType : ObjectGraphType<ServicePeriod>
{
    public ServicePeriodGraphType()
    {
        Name = "ServicePeriod";
        Field<NonNullGraphType<DateOnlyGraphType>>("start").Resolve(ctx => ctx.Source.Start);
        Field<NonNullGraphType<DateOnlyGraphType>>("end").Description("The period's last day, included.").Resolve(ctx => ctx.Source.End);
        // The host's RatingSummary type, named rather than referenced: modules see the schema, not the host's types.
        Field("ratings", new NonNullGraphType(new GraphQLTypeReference("RatingSummary"))).Resolve(ctx => ctx.Source.Ratings);
        Field<NonNullGraphType<SentimentMixGraphType>>("sentiment").Resolve(ctx => ctx.Source.Sentiment);
    }
}
