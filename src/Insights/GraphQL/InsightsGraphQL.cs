using Engagement.GraphQL;
using GraphQL;
using GraphQL.DI;

namespace Engagement.Insights.GraphQL;

/// <summary>Insights' second entry point: adds its root fields and graph types to the host's GraphQL schema.</summary>
public static class InsightsGraphQL
{
    public static IGraphQLBuilder AddInsightsFields(this IGraphQLBuilder builder)
    {
        builder.Services.Register<ISchemaContributor, InsightsFields>(global::GraphQL.DI.ServiceLifetime.Singleton);
        return builder.AddGraphTypes(typeof(InsightsGraphQL).Assembly);
    }
}
