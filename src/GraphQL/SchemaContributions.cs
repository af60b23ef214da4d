using GraphQL;
using GraphQL.DI;

namespace Engagement.GraphQL;

/// <summary>How an area or module adds itself to the schema: its contributor, and every graph type of its assembly.</summary>
public static class SchemaContributions
{
    public static IGraphQLBuilder AddSchemaContributor<TContributor>(this IGraphQLBuilder builder) where TContributor : class, ISchemaContributor
    {
        builder.Services.Register<ISchemaContributor, TContributor>(global::GraphQL.DI.ServiceLifetime.Singleton);
        return builder.AddGraphTypes(typeof(TContributor).Assembly);
    }
}
