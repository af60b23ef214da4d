using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Common;

/// <summary>Where a page ends and whether another follows.</summary>
internal sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Field(x => x.EndCursor, nullable: true).Description("Pass as `after` to get the next page.");
        Field(x => x.HasNextPage);
    }
}

/// <summary>The bound form of <see cref="PageInfoGraphType"/>.</summary>
public sealed record PageInfo(string? EndCursor, bool HasNextPage);
