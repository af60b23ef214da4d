using Engagement.Core.Moderation;
using GraphQL.Types;

namespace Engagement.Moderation.GraphQL;

/// <summary>How many citizens reported an item's text for one reason.</summary>
internal sealed class ReportCountGraphType : ObjectGraphType<KeyValuePair<ReportReason, int>>
{
    public ReportCountGraphType()
    {
        Name = "ReportCount";
        Field<NonNullGraphType<ReportReasonGraphType>>("reason").Resolve(ctx => ctx.Source.Key);
        Field<NonNullGraphType<IntGraphType>>("count").Resolve(ctx => ctx.Source.Value);
    }
}
