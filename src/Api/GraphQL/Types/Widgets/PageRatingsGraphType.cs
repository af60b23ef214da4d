using Engagement.Api.GraphQL.Types.Ratings;
using Engagement.Core.Ratings;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Widgets;

/// <summary>The ratings given on one page of a service's site.</summary>
internal sealed class PageRatingsGraphType : ObjectGraphType<ListPageRatings.PageRatings>
{
    public PageRatingsGraphType()
    {
        Name = "PageRatings";
        Field(x => x.Page).Description("The page's address: scheme, host, port and path (query strings are never kept).");
        Field<NonNullGraphType<RatingSummaryGraphType>>("summary").Resolve(ctx => ctx.Source.Summary);
    }
}
