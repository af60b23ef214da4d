using Engagement.GraphQL;
using Engagement.GraphQL.Errors;
using Engagement.GraphQL.Access;
using Engagement.Api.GraphQL.Types.Comments;
using Engagement.Api.GraphQL.Types.Common;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Staff;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Consultations;

/// <summary>Root fields for consultations, their lifecycle, and citizens' comments and reactions.</summary>
internal sealed class ConsultationFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        query.Field<ConsultationGraphType>("consultation")
            .Description("One consultation. A draft is visible to its organisation's staff only.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx =>
            {
                var consultation = await ctx.Use<IConsultationStore>().GetAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken);
                return consultation is { Status: ConsultationStatus.Draft } && !await ctx.CanReadStaffDataAsync(consultation.OrganisationId)
                    ? null
                    : consultation;
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<ConsultationGraphType>("createConsultation")
            .Description("Creates a draft consultation. Analysts and admins.")
            .Argument<NonNullGraphType<CreateConsultationInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateConsultationInput>("input");
                return await ctx.AsStaffAsync(input.OrganisationId, Permission.ManageConsultations, access => ctx.Use<CreateConsultation>().ExecuteAsync(
                    new CreateConsultation.Request(input.OrganisationId, input.Slug, input.Title.ToLocalized("title")!, input.Summary.ToLocalized("summary"),
                        input.Body.ToLocalized("body"), input.IdentityPolicy ?? IdentityPolicy.AnonymousAllowed, input.OpensAt, input.ClosesAt),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<ConsultationGraphType>("updateConsultation")
            .Description("Replaces a draft or open consultation's texts, policy and dates. Analysts and admins.")
            .Argument<NonNullGraphType<UpdateConsultationInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<UpdateConsultationInput>("input");
                return await WithConsultationAsync(ctx, input.ConsultationId, access => ctx.Use<UpdateConsultation>().ExecuteAsync(
                    new UpdateConsultation.Request(input.ConsultationId, input.Title.ToLocalized("title")!, input.Summary.ToLocalized("summary"),
                        input.Body.ToLocalized("body"), input.IdentityPolicy, input.OpensAt, input.ClosesAt, input.ExpectedVersion),
                    access.Actor, ctx.CancellationToken));
            });

        mutation.Field<ConsultationGraphType>("openConsultation")
            .Description("Opens a draft for contributions. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("consultationId")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async ctx => await WithConsultationAsync(ctx, ctx.GetArgument<string>("consultationId"), access => ctx.Use<OpenConsultation>().ExecuteAsync(
                new OpenConsultation.Request(ctx.GetArgument<string>("consultationId"), ctx.GetArgument<int?>("expectedVersion")), access.Actor, ctx.CancellationToken)));

        mutation.Field<ConsultationGraphType>("closeConsultation")
            .Description("Closes an open consultation. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("consultationId")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async ctx => await WithConsultationAsync(ctx, ctx.GetArgument<string>("consultationId"), access => ctx.Use<CloseConsultation>().ExecuteAsync(
                new CloseConsultation.Request(ctx.GetArgument<string>("consultationId"), ctx.GetArgument<int?>("expectedVersion")), access.Actor, ctx.CancellationToken)));

        mutation.Field<ConsultationGraphType>("publishOutcome")
            .Description("Publishes what was decided, in every language, once the consultation is closed. Analysts and admins.")
            .Argument<NonNullGraphType<IdGraphType>>("consultationId")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<TranslationInputGraphType>>>>("outcome")
            .Argument<IntGraphType>("expectedVersion")
            .ResolveAsync(async ctx => await WithConsultationAsync(ctx, ctx.GetArgument<string>("consultationId"), access => ctx.Use<PublishOutcome>().ExecuteAsync(
                new PublishOutcome.Request(ctx.GetArgument<string>("consultationId"), ctx.GetArgument<List<TranslationInput>>("outcome").ToLocalized("outcome")!,
                    ctx.GetArgument<int?>("expectedVersion")), access.Actor, ctx.CancellationToken)));

        mutation.Field<CommentGraphType>("postComment")
            .Description("Posts a comment, or a reply to a top-level comment, on an open consultation.")
            .Argument<NonNullGraphType<PostCommentInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<PostCommentInput>("input");
                if (await ctx.ParticipantIdAsync(input.ParticipantToken) is not { } participantId)
                    return null;
                var posted = (await ctx.Use<PostComment>().ExecuteAsync(
                    new PostComment.Request(input.ConsultationId, participantId, input.Text, input.Language, input.ParentId, input.FollowUpEmail), ctx.CancellationToken)).ValueOrErrors(ctx);
                return posted is null ? null : new ListComments.Item(posted, 0, 0, null, []);
            });

        mutation.Field<ReactionResultGraphType>("react")
            .Description("Agrees or disagrees with a published comment, changes that reaction, or withdraws it (reaction: null).")
            .Argument<NonNullGraphType<ReactInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<ReactInput>("input");
                if (await ctx.ParticipantIdAsync(input.ParticipantToken) is not { } participantId)
                    return null;
                return (await ctx.Use<ReactToComment>().ExecuteAsync(new ReactToComment.Request(input.CommentId, participantId, input.Reaction), ctx.CancellationToken))
                    .ValueOrErrors(ctx);
            });
    }

    private static async Task<Consultation?> WithConsultationAsync(
        IResolveFieldContext ctx, string consultationId, Func<StaffAccess, Task<Core.Common.Result<Consultation>>> run)
    {
        var consultation = await ctx.LoadAsync(() => ctx.Use<IConsultationStore>().GetAsync(consultationId, ctx.CancellationToken), "consultationId", "consultation");
        return consultation is null ? null : await ctx.AsStaffAsync(consultation.OrganisationId, Permission.ManageConsultations, run);
    }
}
