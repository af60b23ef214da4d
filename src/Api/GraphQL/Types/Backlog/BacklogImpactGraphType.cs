using Engagement.Core.Backlog;
using Engagement.Api.GraphQL.Types.Ratings;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Backlog;

/// <summary>A shipped item's service satisfaction before it shipped and since.</summary>
internal sealed class BacklogImpactGraphType : ObjectGraphType<BacklogImpact>
{
    public BacklogImpactGraphType()
    {
        Name = "BacklogImpact";
        Field(x => x.Days).Description("The window on each side of the day it shipped.");
        Field<NonNullGraphType<RatingSummaryGraphType>>("before").Resolve(ctx => ctx.Source.Before);
        Field<NonNullGraphType<RatingSummaryGraphType>>("after").Resolve(ctx => ctx.Source.After);
    }
}
