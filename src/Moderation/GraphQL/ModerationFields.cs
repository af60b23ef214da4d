using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using Engagement.GraphQL.Errors;
using Engagement.Core.Common;
using Engagement.Core.Moderation;
using Engagement.Core.Staff;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Moderation.GraphQL;

/// <summary>The moderation queue, moderators' actions on it, and the organisation's term lists.</summary>
internal sealed class ModerationFields : ISchemaContributor
{
    public const int MaxQueuePage = 200;

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<ListGraphType<NonNullGraphType<ModerationItemGraphType>>>("moderationQueue")
            .Description($"An organisation's items with a status (default PENDING), highest priority first, then oldest; at most {MaxQueuePage}. Moderators.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .Argument<ModerationItemStatusGraphType>("status")
            .Argument<IntGraphType>("first", "Default 50.")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                if (await ctx.RequireAsync(organisationId, Permission.Moderate) is null)
                    return null;
                var first = ctx.GetArgument("first", 50);
                if (first is < 1 or > MaxQueuePage)
                    throw DomainErrors.ToExecutionError(new Error("first", ErrorCodes.OutOfRange, $"Ask for 1 to {MaxQueuePage} items."));
                return await ctx.Use<IModerationItemStore>().ListAsync(organisationId, ctx.GetArgument("status", ModerationItemStatus.Pending), first, ctx.CancellationToken);
            });

        query.Field<ModerationMetricsGraphType>("moderationMetrics")
            .Description("Queue depth, automatic and human decisions and time to decision over the last `days` (default 30). Staff.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .Argument<IntGraphType>("days")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                if (await ctx.RequireAsync(organisationId, Permission.ReadStaffData) is null)
                    return null;
                return (await ctx.Use<GetModerationMetrics>().ExecuteAsync(new GetModerationMetrics.Request(organisationId, ctx.GetArgument("days", 30)), ctx.CancellationToken))
                    .ValueOrErrors(ctx);
            });

        query.Field<ListGraphType<NonNullGraphType<TermListGraphType>>>("termLists")
            .Description("An organisation's blocked and suspect term lists. Admins.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                if (await ctx.RequireAsync(organisationId, Permission.ManageTermLists) is null)
                    return null;
                return await ctx.Use<ITermListStore>().ListAsync(organisationId, ctx.CancellationToken);
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<ModerationItemGraphType>("claimModerationItem")
            .Description("Claims an item for 10 minutes, so no other moderator works it. Moderators (admins for escalated items).")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ActAsync(ctx, (item, access) => ctx.Use<ClaimModerationItem>().ExecuteAsync(
                new ClaimModerationItem.Request(item.Id, item.OrganisationId), access.Actor, ctx.CancellationToken)));

        mutation.Field<ModerationItemGraphType>("releaseModerationItem")
            .Description("Gives back a claimed item, so it returns to the queue at once.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ActAsync(ctx, (item, access) => ctx.Use<ReleaseModerationItem>().ExecuteAsync(
                new ReleaseModerationItem.Request(item.Id, item.OrganisationId), access.Actor, ctx.CancellationToken)));

        mutation.Field<ModerationItemGraphType>("decideModerationItem")
            .Description("Approves, rejects (with a reason shown to the author), redacts and approves (with redactedText), escalates or promotes an item you have claimed.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Argument<NonNullGraphType<ModerationActionGraphType>>("action")
            .Argument<StringGraphType>("reason")
            .Argument<StringGraphType>("redactedText", "REDACT_AND_APPROVE only: the text that replaces the original, which is kept nowhere.")
            .Argument<IdGraphType>("backlogItemId", "PROMOTE only: the open backlog item the text becomes evidence for; without it, a new item is proposed from the text.")
            .ResolveAsync(async ctx => await ActAsync(ctx, (item, access) => ctx.Use<DecideModerationItem>().ExecuteAsync(
                new DecideModerationItem.Request(item.Id, item.OrganisationId, ctx.GetArgument<ModerationAction>("action"), ctx.GetArgument<string?>("reason"),
                    ctx.GetArgument<string?>("redactedText"), ctx.GetArgument<string?>("backlogItemId")),
                access.Actor, ctx.CancellationToken)));

        mutation.Field<ListGraphType<NonNullGraphType<ModerationItemOutcomeGraphType>>>("decideModerationItems")
            .Description($"Claims and decides each of up to {DecideModerationItems.MaxItems} pending items of the organisation in turn; an item that cannot be "
                         + "(unknown, another organisation's, decided, escalated, claimed by someone else) is reported in its outcome and left as it was. Moderators.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Argument<NonNullGraphType<ModerationActionGraphType>>("action")
            .Argument<StringGraphType>("reason")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                return await ctx.AsStaffAsync(organisationId, Permission.Moderate, access => ctx.Use<DecideModerationItems>().ExecuteAsync(
                    new DecideModerationItems.Request(organisationId, ctx.GetArgument<List<string>>("ids"), ctx.GetArgument<ModerationAction>("action"),
                        ctx.GetArgument<string?>("reason")),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<CommentReportGraphType>("reportComment")
            .Description("Reports a published comment, once per participant; enough reports hide it until a moderator has looked at it.")
            .Argument<NonNullGraphType<ReportCommentInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ReportCommentInput>("input");
                if (await ctx.ParticipantIdAsync(input.ParticipantToken) is not { } participantId)
                    return null;
                return (await ctx.Use<ReportComment>().ExecuteAsync(new ReportComment.Request(input.CommentId, participantId, input.Reason), ctx.CancellationToken))
                    .ValueOrErrors(ctx);
            });

        mutation.Field<TermListGraphType>("setTermList")
            .Description("Replaces one of an organisation's term lists (kind and language). Admins.")
            .Argument<NonNullGraphType<IdGraphType>>("organisationId")
            .Argument<NonNullGraphType<TermListKindGraphType>>("kind")
            .Argument<NonNullGraphType<StringGraphType>>("language")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("terms")
            .ResolveAsync(async ctx =>
            {
                var organisationId = ctx.GetArgument<string>("organisationId");
                return await ctx.AsStaffAsync(organisationId, Permission.ManageTermLists, access => ctx.Use<SetTermList>().ExecuteAsync(
                    new SetTermList.Request(organisationId, ctx.GetArgument<TermListKind>("kind"), ctx.GetArgument<string>("language"), ctx.GetArgument<List<string>>("terms")),
                    access.Actor, ctx.CancellationToken));
            });
    }

    // The item is looked up first so the permission is checked in its organisation; an escalated item is for admins.
    private static async Task<ModerationItem?> ActAsync(IResolveFieldContext ctx, Func<ModerationItem, StaffAccess, Task<Result<ModerationItem>>> act)
    {
        var id = ctx.GetArgument<string>("id");
        var item = await ctx.LoadAsync(() => ctx.Use<IModerationItemStore>().GetAsync(id, ctx.CancellationToken), "id", "moderation item");
        if (item is null)
            return null;
        var permission = item.Status == ModerationItemStatus.Escalated ? Permission.DecideEscalated : Permission.Moderate;
        return await ctx.AsStaffAsync(item.OrganisationId, permission, access => act(item, access));
    }
}
