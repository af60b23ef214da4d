using Engagement.Core.Participants;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Participants;

/// <summary>A new anonymous participant's token: keep it to change your reactions and to answer each survey once.</summary>
internal sealed class ParticipantRegistrationGraphType : ObjectGraphType<RegisterAnonymousParticipant.Registered>
{
    public ParticipantRegistrationGraphType()
    {
        Name = "ParticipantRegistration";
        Field<NonNullGraphType<StringGraphType>>("participantToken").Resolve(ctx => ctx.Source.Token);
    }
}
