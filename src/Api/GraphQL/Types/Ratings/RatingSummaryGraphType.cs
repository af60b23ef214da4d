using Engagement.Core.Ratings;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Ratings;

/// <summary>A service's ratings at a glance, kept up to date as ratings arrive.</summary>
internal sealed class RatingSummaryGraphType : ObjectGraphType<RatingSummary>
{
    public RatingSummaryGraphType()
    {
        Name = "RatingSummary";
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => (int)ctx.Source.Count);
        Field(x => x.Average, nullable: true).Description("The mean score, 1 to 5; null before the first rating.");
        Field(x => x.Csat, nullable: true).Description("Customer satisfaction: the share of ratings that are 4 or 5, from 0 to 1.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("distribution")
            .Description("How many ratings gave each score, from 1 to 5.")
            .Resolve(ctx => ctx.Source.Distribution.Select(n => (int)n).ToArray());
    }
}
