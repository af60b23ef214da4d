using Engagement.Core.Backlog;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Backlog;

/// <summary>Why an item is ranked where it is.</summary>
internal sealed class PriorityExplanationGraphType : ObjectGraphType<PriorityExplanation>
{
    public PriorityExplanationGraphType()
    {
        Name = "PriorityExplanation";
        Description = $"score = 10 × log2(1 + recentVolume) × (0.5 + negativeShare) × (1 + log10(1 + reach) / 4); evidence weight halves every {BacklogPriority.HalfLifeDays} days.";
        Field(x => x.Score);
        Field(x => x.Volume).Description("Texts the evidence stands for.");
        Field(x => x.RecentVolume).Description("The same, each halved for every half-life of its age.");
        Field(x => x.NegativeShare).Description("Weighted share of those texts read as negative (0.5 when none is known).");
        Field<NonNullGraphType<IntGraphType>>("reach").Description("The service's ratings, or the consultation's published comments.").Resolve(ctx => (int)Math.Min(int.MaxValue, ctx.Source.Reach));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("computedAt").Resolve(ctx => ctx.Source.ComputedAt);
    }
}
