using Engagement.GraphQL.Access;
using Engagement.GraphQL.Errors;
using Engagement.Core.Common;
using Engagement.Core.Participants;
using Engagement.Core.Staff;
using GraphQL;

namespace Engagement.GraphQL;

/// <summary>Resolver steps every area repeats: resolving services, participants, and staff-only use cases.</summary>
public static class Resolvers
{
    public static T Use<T>(this IResolveFieldContext context) where T : notnull => context.RequestServices!.GetRequiredService<T>();

    /// <summary>The participant a token stands for; null, with the error added, when the token is malformed or unknown.</summary>
    public static async Task<string?> ParticipantIdAsync(this IResolveFieldContext context, string? token, string field = "participantToken")
    {
        var found = await context.Use<FindParticipantByToken>().ExecuteAsync(token, context.CancellationToken);
        if (found.Succeeded)
            return found.Value.Id;
        context.Report(DomainErrors.ToExecutionError(found.Errors[0] with { Field = field }));
        return null;
    }

    /// <summary>Runs a staff use case when the caller holds the permission in the organisation; errors otherwise.</summary>
    public static async Task<T?> AsStaffAsync<T>(this IResolveFieldContext context, string organisationId, Permission permission, Func<StaffAccess, Task<Result<T>>> run)
        where T : class
    {
        var access = await context.RequireAsync(organisationId, permission);
        return access is null ? null : (await run(access)).ValueOrErrors(context);
    }

    /// <summary>Loads the record a staff mutation targets, to learn its organisation; null, with NOT_FOUND added, when unknown.</summary>
    public static async Task<TRecord?> LoadAsync<TRecord>(this IResolveFieldContext context, Func<Task<TRecord?>> load, string field, string what)
        where TRecord : class
    {
        // Callers with no grant at all are turned away before the lookup, so they cannot learn which ids exist.
        if ((await context.AccessAsync()).Grants.Count == 0)
        {
            context.Report(DomainErrors.Refusal(ApiErrorCodes.Unauthenticated, "Sign in as staff to see or do this."));
            return null;
        }
        var record = await load();
        if (record is null)
            context.Report(DomainErrors.ToExecutionError(new Error(field, ErrorCodes.NotFound, $"There is no such {what}.")));
        return record;
    }
}
