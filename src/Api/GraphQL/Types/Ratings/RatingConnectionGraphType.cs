using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Ratings;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Ratings;

/// <summary>A page of ratings.</summary>
internal sealed class RatingConnectionGraphType : ObjectGraphType<Connection<ServiceRating>>
{
    public RatingConnectionGraphType()
    {
        Name = "RatingConnection";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RatingGraphType>>>>("nodes").Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Resolve(ctx => ctx.Source.PageInfo);
    }
}
