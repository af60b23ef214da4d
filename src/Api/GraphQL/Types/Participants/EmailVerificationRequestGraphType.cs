using Engagement.Core.Participants;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Participants;

/// <summary>The answer to every accepted request for a sign-in link, sent or not, so it says nothing about the address.</summary>
internal sealed class EmailVerificationRequestGraphType : ObjectGraphType<RequestEmailVerification.Requested>
{
    public EmailVerificationRequestGraphType()
    {
        Name = "EmailVerificationRequest";
        Description = "If the address can receive email, a link to confirm it is on its way.";
        Field<NonNullGraphType<StringGraphType>>("email").Description("The address as written to: trimmed and lower-cased.").Resolve(ctx => ctx.Source.Email);
        Field<NonNullGraphType<IntGraphType>>("linkLifetimeMinutes").Description("How long the link works, once.")
            .Resolve(ctx => (int)ctx.Source.LinkLifetime.TotalMinutes);
    }
}
