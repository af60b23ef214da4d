using Engagement.GraphQL;
using GraphQL.DI;

namespace Engagement.Insights.GraphQL;

/// <summary>Insights' second entry point: adds its root fields and graph types to the host's GraphQL schema.</summary>
public static class InsightsGraphQL
{
    public static IGraphQLBuilder AddInsightsFields(this IGraphQLBuilder builder) => builder.AddSchemaContributor<InsightsFields>();
}
