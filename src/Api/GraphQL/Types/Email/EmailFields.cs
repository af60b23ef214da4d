using Engagement.Core.Email;
using Engagement.GraphQL;
using Engagement.GraphQL.Errors;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Email;

/// <summary>Root fields for email: unsubscribing with the token of an email's link, as the unsubscribe page does.</summary>
internal sealed class EmailFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        // An unsubscribe link's page reads what it would do; an API client has the token and calls the mutation.
    }

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<UnsubscriptionGraphType>("unsubscribe")
            .Description("Stops one kind of email to the address an email's unsubscribe link names (its `token` value); no sign-in needed, and " +
                         "doing it twice succeeds twice. Errors: EXPIRED for a link over a year old, INVALID_FORMAT for one cut short, altered or made up.")
            .Argument<NonNullGraphType<StringGraphType>>("token", "The `token` value of the unsubscribe link.")
            .ResolveAsync(async ctx =>
                (await ctx.Use<Unsubscribe>().ExecuteAsync(ctx.GetArgument<string>("token"), ctx.CancellationToken)).ValueOrErrors(ctx));
}

/// <summary>What an unsubscribe did: the kind of email stopped and, masked, to which address.</summary>
internal sealed class UnsubscriptionGraphType : ObjectGraphType<Unsubscribe.Link>
{
    public UnsubscriptionGraphType()
    {
        Name = "Unsubscription";
        Field<NonNullGraphType<EnumerationGraphType<MailingList>>>("list").Description("The kind of email no longer sent.").Resolve(ctx => ctx.Source.List);
        Field<NonNullGraphType<StringGraphType>>("maskedAddress").Description("The address, masked (j***@example.org).").Resolve(ctx => ctx.Source.MaskedAddress);
    }
}
