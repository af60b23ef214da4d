using Engagement.Core.Common;

namespace Engagement.Api.GraphQL.Types.Common;

/// <summary>A page of items as GraphQL returns it: the nodes and where the page ends.</summary>
public sealed record Connection<T>(IReadOnlyList<T> Nodes, PageInfo PageInfo);

/// <summary>Builds connections from core pages.</summary>
public static class Connections
{
    public static Connection<T> From<T>(Page<T> page) => new(page.Items, new PageInfo(page.Next?.Encode(), page.Next is not null));
}
