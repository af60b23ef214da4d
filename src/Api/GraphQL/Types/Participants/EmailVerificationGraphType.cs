using Engagement.Core.Participants;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Participants;

/// <summary>A used sign-in link: the confirmed address and, when one was issued, the participant token for this device.</summary>
internal sealed class EmailVerificationGraphType : ObjectGraphType<ConfirmEmailVerification.Verified>
{
    public EmailVerificationGraphType()
    {
        Name = "EmailVerification";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The confirmed address.").Resolve(ctx => ctx.Source.Participant.Email);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("verifiedAt").Description("When the participant's address was first confirmed.")
            .Resolve(ctx => ctx.Source.Participant.EmailVerifiedAt);
        Field<StringGraphType>("participantToken")
            .Description("A new participant token, shown this once: the address's participant's (signing in again), or a new participant's when the link " +
                         "was asked for without one. Null when the participant that asked for the link is the one verified: keep using its token.")
            .Resolve(ctx => ctx.Source.Token);
    }
}
