using Engagement.GraphQL.Errors;
using Engagement.Core.Staff;
using GraphQL;

namespace Engagement.GraphQL.Access;

/// <summary>The one way resolvers check staff permissions: an error on the field, and no data, when the caller may not.</summary>
public static class Authorize
{
    public static Task<StaffAccess> AccessAsync(this IResolveFieldContext context) =>
        context.RequestServices!.GetRequiredService<IRequestStaffAccess>().GetAsync(context.CancellationToken);

    /// <summary>
    /// The caller's access when it holds <paramref name="permission"/> in the organisation; otherwise null, with
    /// UNAUTHENTICATED (nobody signed in) or FORBIDDEN (signed in, but not allowed) added to the response.
    /// </summary>
    public static async Task<StaffAccess?> RequireAsync(this IResolveFieldContext context, string organisationId, Permission permission)
    {
        var access = await context.AccessAsync();
        if (access.Can(organisationId, permission))
            return access;
        context.Report(access.Grants.Count == 0
            ? DomainErrors.Refusal(ApiErrorCodes.Unauthenticated, "Sign in as staff to see or do this.")
            : DomainErrors.Refusal(ApiErrorCodes.Forbidden, "Your role in this organisation does not allow this."));
        return null;
    }

    /// <summary>Whether the caller may see what citizens do not (drafts) in the organisation; adds no error.</summary>
    public static async Task<bool> CanReadStaffDataAsync(this IResolveFieldContext context, string organisationId) =>
        (await context.AccessAsync()).Can(organisationId, Permission.ReadStaffData);
}
