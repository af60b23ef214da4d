using Engagement.Core.Backlog;
using Engagement.Core.Staff;
using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Backlog;

/// <summary>The improvement backlog: the board, one item, and what analysts do with items.</summary>
internal sealed class BacklogFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        query.Field<ListGraphType<NonNullGraphType<BacklogItemGraphType>>>("backlog")
            .Description($"An organisation's board: items not merged away, optionally of one status, highest priority first; at most {ListBacklog.MaxItems}. Staff.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .Argument<BacklogStatusGraphType>("status")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                if (await ctx.RequireAsync(organisationId, Permission.ReadStaffData) is null)
                    return null;
                return await ctx.Use<ListBacklog>().ExecuteAsync(organisationId, ctx.GetArgument<BacklogStatus?>("status"), ctx.CancellationToken);
            });

        query.Field<BacklogItemGraphType>("backlogItem")
            .Description("One backlog item, merged ones included. Staff of its organisation.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var item = await ctx.LoadAsync(() => ctx.Use<IBacklogStore>().GetAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken), "id", "backlog item");
                return item is null || await ctx.RequireAsync(item.OrganisationId, Permission.ReadStaffData) is null ? null : item;
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<BacklogItemGraphType>("createBacklogItem")
            .Description("Proposes an improvement with its evidence (texts insights have read, themes, drift alerts). Analysts and admins.")
            .Argument<NonNullGraphType<CreateBacklogItemInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateBacklogItemInput>("input");
                return await ctx.AsStaffAsync(input.OrganisationId, Permission.ManageBacklog, access => ctx.Use<CreateBacklogItem>().ExecuteAsync(
                    new CreateBacklogItem.Request(input.OrganisationId, input.Title, input.Description ?? "", input.ServiceId, input.ConsultationId,
                        input.Evidence?.Select(e => e.ToRef()).ToList()),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<BacklogItemGraphType>("addBacklogEvidence")
            .Description("Links more evidence to an open item; records it holds already count once. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceRefInputGraphType>>>>("evidence")
            .ResolveAsync(async ctx => await ActAsync(ctx, (item, access) => ctx.Use<AddBacklogEvidence>().ExecuteAsync(
                new AddBacklogEvidence.Request(item.Id, item.OrganisationId, [.. ctx.GetArgument<List<EvidenceRefInput>>("evidence").Select(e => e.ToRef())]),
                access.Actor, ctx.CancellationToken)));

        mutation.Field<BacklogItemGraphType>("changeBacklogStatus")
            .Description("Moves an item along PROPOSED → ACCEPTED → IN_PROGRESS → SHIPPED, or to DECLINED; SHIPPED and DECLINED need a public note. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<BacklogStatusGraphType>>("status")
            .Argument<StringGraphType>("publicNote", "Shown to citizens: why it was declined, or what was done (\"you said, we did\").")
            .ResolveAsync(async ctx => await ActAsync(ctx, (item, access) => ctx.Use<ChangeBacklogStatus>().ExecuteAsync(
                new ChangeBacklogStatus.Request(item.Id, item.OrganisationId, ctx.GetArgument<BacklogStatus>("status"), ctx.GetArgument<string?>("publicNote")),
                access.Actor, ctx.CancellationToken)));

        mutation.Field<BacklogItemGraphType>("mergeBacklogItems")
            .Description("Merges a duplicate into another open item of the same organisation: evidence combined, the duplicate leaves the board. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "The item that stays.")
            .Argument<NonNullGraphType<IdGraphType>>("duplicateId")
            .ResolveAsync(async ctx => await ActAsync(ctx, (item, access) => ctx.Use<MergeBacklogItems>().ExecuteAsync(
                new MergeBacklogItems.Request(item.OrganisationId, item.Id, ctx.GetArgument<string>("duplicateId")), access.Actor, ctx.CancellationToken)));
    }

    // Loads the item named by "id" to learn its organisation, then runs the action as its staff with ManageBacklog.
    private static async Task<BacklogItem?> ActAsync(
        IResolveFieldContext ctx, Func<BacklogItem, StaffAccess, Task<Core.Common.Result<BacklogItem>>> act)
    {
        var item = await ctx.LoadAsync(() => ctx.Use<IBacklogStore>().GetAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken), "id", "backlog item");
        return item is null ? null : await ctx.AsStaffAsync(item.OrganisationId, Permission.ManageBacklog, access => act(item, access));
    }
}
