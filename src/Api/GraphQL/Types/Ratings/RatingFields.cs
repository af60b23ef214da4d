using Engagement.GraphQL;
using Engagement.GraphQL.Errors;
using Engagement.Core.Ratings;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Ratings;

/// <summary>Root fields for service ratings.</summary>
internal sealed class RatingFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        // Ratings are read through Service.ratingSummary and Service.ratings.
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<RatingGraphType>("submitRating")
            .Description("Rates a service from 1 to 5, with an optional comment; no account needed.")
            .Argument<NonNullGraphType<SubmitRatingInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<SubmitRatingInput>("input");
                string? participantId = null;
                if (input.ParticipantToken is not null && (participantId = await ctx.ParticipantIdAsync(input.ParticipantToken)) is null)
                    return null;
                return (await ctx.Use<SubmitRating>().ExecuteAsync(
                    new SubmitRating.Request(input.ServiceId, input.Score, input.Language, input.Comment, input.PageUrl, participantId, FollowUpEmail: input.FollowUpEmail), ctx.CancellationToken))
                    .ValueOrErrors(ctx);
            });
    }
}
