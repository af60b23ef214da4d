using Engagement.GraphQL;
using Engagement.GraphQL.Errors;
using Engagement.Core.Participants;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Participants;

/// <summary>Root fields for participants: anonymous tokens, and email verification by a one-time link.</summary>
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

        mutation.Field<EmailVerificationRequestGraphType>("requestEmailVerification")
            .Description($"Emails a link that confirms the address; it works once, for {(int)EmailChallenge.Lifetime.TotalMinutes} minutes. The answer is the same whether " +
                         $"or not a link is sent: none goes to an address that unsubscribed from sign-in links or was sent {RequestEmailVerification.MaxPerAddress} this hour.")
            .Argument<NonNullGraphType<StringGraphType>>("email")
            .Argument<NonNullGraphType<StringGraphType>>("language", "The language of the email and of the pages its link opens.")
            .Argument<StringGraphType>("participantToken", "Your anonymous participant token: that participant is verified when the link is used.")
            .ResolveAsync(async ctx =>
            {
                string? participantId = null;
                if (ctx.GetArgument<string?>("participantToken") is { } token && (participantId = await ctx.ParticipantIdAsync(token)) is null)
                    return null;
                var request = new RequestEmailVerification.Request(ctx.GetArgument<string>("email"), ctx.GetArgument<string>("language"), participantId);
                return (await ctx.Use<RequestEmailVerification>().ExecuteAsync(request, ctx.CancellationToken)).ValueOrErrors(ctx);
            });

        mutation.Field<EmailVerificationGraphType>("confirmEmailVerification")
            .Description("Uses the token of a link sent by requestEmailVerification, once: the address is confirmed. Errors give the reason " +
                         "EXPIRED, ALREADY_USED, or INVALID_FORMAT and NOT_FOUND for a token cut short or made up.")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The `token` value of the link.")
            .ResolveAsync(async ctx =>
                (await ctx.Use<ConfirmEmailVerification>().ExecuteAsync(ctx.GetArgument<string>("token"), ctx.CancellationToken)).ValueOrErrors(ctx));
    }
}
