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
        Field(x => x.CsatLow, nullable: true).Description("The lower end of the 95% confidence interval of csat (Wilson score interval).");
        Field(x => x.CsatHigh, nullable: true).Description("The upper end of the 95% confidence interval of csat.");
        Field(x => x.SmallSample).Description($"True below {RatingSummary.SmallSampleBelow} ratings: too few to draw conclusions from.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("distribution")
            .Description("How many ratings gave each score, from 1 to 5.")
            .Resolve(ctx => ctx.Source.Distribution.Select(n => (int)n).ToArray());
    }
}
