using Engagement.Core.Backlog;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Backlog;

/// <summary>An improvement that shipped, as citizens see it: "you said, we did".</summary>
internal sealed class ShippedImprovementGraphType : ObjectGraphType<ShippedImprovement>
{
    public ShippedImprovementGraphType()
    {
        Name = "ShippedImprovement";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field(x => x.Title);
        Field(x => x.Note).Description("What was done, in the team's words.");
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("shippedAt").Resolve(ctx => ctx.Source.ShippedAt);
    }
}
