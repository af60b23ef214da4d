using Engagement.Core.Backlog;
using Engagement.GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Backlog;

/// <summary>An improvement the organisation may make, with its evidence and priority.</summary>
internal sealed class BacklogItemGraphType : ObjectGraphType<BacklogItem>
{
    public BacklogItemGraphType()
    {
        Name = "BacklogItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => ctx.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("organisationId").Resolve(ctx => ctx.Source.OrganisationId);
        Field(x => x.Title);
        Field(x => x.Description);
        Field<IdGraphType>("serviceId").Resolve(ctx => ctx.Source.ServiceId);
        Field<IdGraphType>("consultationId").Resolve(ctx => ctx.Source.ConsultationId);
        Field<NonNullGraphType<BacklogStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(x => x.PublicNote, nullable: true).Description("The public reason (DECLINED) or \"you said, we did\" note (SHIPPED).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceGraphType>>>>("evidence").Resolve(ctx => ctx.Source.Evidence);
        Field<NonNullGraphType<PriorityExplanationGraphType>>("priority").Description("Why it is ranked here.").Resolve(ctx => ctx.Source.Priority);
        Field<IdGraphType>("mergedInto").Resolve(ctx => ctx.Source.MergedInto);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BacklogStatusGraphType>>>>("nextStatuses")
            .Description("The statuses it may move to.").Resolve(ctx => ctx.Source.MergedInto is null ? ChangeBacklogStatus.NextOf(ctx.Source.Status) : []);
        Field<BacklogImpactGraphType>("impact")
            .Description("Once shipped, for a service: satisfaction in the 30 days before and since.")
            .ResolveAsync(async ctx => await ctx.Use<GetBacklogImpact>().ExecuteAsync(ctx.Source, ctx.CancellationToken));
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(ctx => ctx.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(ctx => ctx.Source.UpdatedAt);
        Field<DateTimeOffsetGraphType>("shippedAt").Resolve(ctx => ctx.Source.ShippedAt);
    }
}
