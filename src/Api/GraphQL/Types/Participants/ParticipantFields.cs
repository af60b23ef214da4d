using Engagement.GraphQL;
using Engagement.Core.Participants;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Participants;

/// <summary>Root fields for anonymous participants.</summary>
internal sealed class ParticipantFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        // Nothing to read: a participant is known only by the token they hold.
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ParticipantRegistrationGraphType>>("registerParticipant")
            .Description("Gives you an anonymous participant token, to comment, react and answer surveys where the owner allows it.")
            .ResolveAsync(async ctx => (await ctx.Use<RegisterAnonymousParticipant>().ExecuteAsync(ctx.CancellationToken)).Value);
    }
}
