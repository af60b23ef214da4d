using Engagement.GraphQL;
using GraphQL.DI;

namespace Engagement.Moderation.GraphQL;

/// <summary>Moderation's second entry point: adds its root fields and graph types to the host's GraphQL schema.</summary>
public static class ModerationGraphQL
{
    public static IGraphQLBuilder AddModerationFields(this IGraphQLBuilder builder) => builder.AddSchemaContributor<ModerationFields>();
}
