using Engagement.GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL;

/// <summary>The platform's one GraphQL schema: root fields come from every <see cref="ISchemaContributor"/>.</summary>
public sealed class EngagementSchema : Schema
{
    public EngagementSchema(IServiceProvider services, IEnumerable<ISchemaContributor> contributors) : base(services)
    {
        var query = new ObjectGraphType { Name = "Query" };
        var mutation = new ObjectGraphType { Name = "Mutation" };
        foreach (var contributor in contributors)
        {
            contributor.AddQueries(query);
            contributor.AddMutations(mutation);
        }
        Query = query;
        Mutation = mutation;
    }
}
