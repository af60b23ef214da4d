using GraphQL.Types;

namespace Engagement.GraphQL;

/// <summary>
/// Adds one area's root fields to the schema. Areas (and later modules such as moderation) contribute through
/// this interface, so the root types never need to know them all.
/// </summary>
public interface ISchemaContributor
{
    void AddQueries(ObjectGraphType query);

    void AddMutations(ObjectGraphType mutation);
}
