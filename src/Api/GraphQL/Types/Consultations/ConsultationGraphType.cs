using Engagement.GraphQL;
using Engagement.GraphQL.Access;
using Engagement.GraphQL.Batching;
using Engagement.GraphQL.Errors;
using Engagement.Api.GraphQL.Types.Comments;
using Engagement.Api.GraphQL.Types.Common;
using Engagement.Api.GraphQL.Types.Surveys;
using Engagement.Api.Settings;
using Engagement.Core.Comments;
using Engagement.Core.Consultations;
using Engagement.Core.Participants;
using Engagement.Core.Surveys;
using Engagement.Core.Tallies;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Consultations;

/// <summary>A consultation with its texts, live comment counts, published comment thread and attached surveys.</summary>
internal sealed class ConsultationGraphType : ObjectGraphType<Consultation>
{
    public ConsultationGraphType(EngagementSettings settings)
    {
        Name = "Consultation";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Slug);
        Field<NonNullGraphType<LocalizedTextGraphType>>("title").Resolve(ctx => ctx.Source.Title);
        Field<NonNullGraphType<LocalizedTextGraphType>>("summary").Resolve(ctx => ctx.Source.Summary);
        Field<NonNullGraphType<LocalizedTextGraphType>>("body").Resolve(ctx => ctx.Source.Body);
        Field<NonNullGraphType<LocalizedTextGraphType>>("outcome").Description("What was decided; empty until published.").Resolve(ctx => ctx.Source.Outcome);
        Field<NonNullGraphType<ConsultationStatusGraphType>>("status").Resolve(ctx => ctx.Source.Status);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Backlog.ShippedImprovementGraphType>>>>("improvements")
            .Description("Improvements shipped from what this consultation heard, newest first: \"you said, we did\". Public.")
            .ResolveAsync(async ctx => await ctx.Use<Core.Backlog.ListShippedImprovements>().ExecuteAsync(ctx.Source.OrganisationId, null, ctx.Source.Id, ctx.CancellationToken));
        Field<NonNullGraphType<IdentityPolicyGraphType>>("identityPolicy").Resolve(ctx => ctx.Source.IdentityPolicy);
        Field(x => x.OpensAt, nullable: true);
        Field(x => x.ClosesAt, nullable: true);
        Field<NonNullGraphType<BooleanGraphType>>("acceptingContributions")
            .Description("Whether comments and reactions are accepted now.")
            .Resolve(ctx => ctx.Source.AcceptsContributionsAt(ctx.RequestServices!.GetRequiredService<TimeProvider>().GetUtcNow()));
        Field(x => x.CreatedAt);
        Field(x => x.UpdatedAt);
        Field(x => x.Version).Description("Pass back as expectedVersion when editing, to avoid overwriting someone else's change.");

        // Batched: a list of consultations costs one tally query in all.
        Field<NonNullGraphType<CommentCountsGraphType>>("commentCounts")
            .Resolve(ctx => ctx.RequestServices!.GetRequiredService<RequestBatches>().Tallies.Load(TallyScopes.Consultation(ctx.Source.Id)));

        Field<NonNullGraphType<CommentConnectionGraphType>>("comments")
            .Description("Published top-level comments, oldest first, each with its published replies and counts.")
            .Argument<IntGraphType>("first", "How many comments (default 20).")
            .Argument<StringGraphType>("after", "The endCursor of the previous page.")
            .Argument<StringGraphType>("participantToken", "Your participant token, to see your own reactions.")
            .ResolveAsync(async ctx =>
            {
                // Checks the page size against the configured limit and the cursor's shape.
                var page = ctx.Page(settings.GraphQL.MaxPageSize);
                string? participantId = null;
                if (ctx.GetArgument<string?>("participantToken") is { } token)
                {
                    // Thrown, not reported: this field is non-null, so returning null would add an engine error of its own.
                    var participant = await ctx.Use<FindParticipantByToken>().ExecuteAsync(token, ctx.CancellationToken);
                    if (!participant.Succeeded)
                        throw DomainErrors.ToExecutionError(participant.Errors[0] with { Field = "participantToken" });
                    participantId = participant.Value.Id;
                }
                var thread = await ctx.Use<ListComments>()
                    .ExecuteAsync(new ListComments.Request(ctx.Source.Id, ctx.GetArgument<string?>("after"), page.Limit, participantId), ctx.CancellationToken);
                return thread.ValueOrErrors(ctx) is { } value
                    ? new Connection<ListComments.Item>(value.Items, new PageInfo(value.NextCursor, value.NextCursor is not null))
                    : null;
            });

        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyGraphType>>>>("surveys")
            .Description("Surveys attached to this consultation. Drafts are listed for staff only.")
            .ResolveAsync(async ctx =>
            {
                var surveys = await ctx.RequestServices!.GetRequiredService<ISurveyStore>().ListByConsultationAsync(ctx.Source.Id, ctx.CancellationToken);
                return await ctx.CanReadStaffDataAsync(ctx.Source.OrganisationId) ? surveys : surveys.Where(s => s.Status != SurveyStatus.Draft).ToList();
            });
    }
}
