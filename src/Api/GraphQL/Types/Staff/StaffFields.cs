using Engagement.GraphQL;
using Engagement.GraphQL.Errors;
using Engagement.Api.Auth;
using Engagement.GraphQL.Access;
using Engagement.Core.ApiTokens;
using Engagement.Core.Staff;
using GraphQL;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>Root fields for the signed-in staff member, staff accounts and API tokens.</summary>
internal sealed class StaffFields : ISchemaContributor
{
    public void AddQueries(ObjectGraphType query)
    {
        query.Field<StaffMemberGraphType>("me")
            .Description("The signed-in staff member; null for anonymous callers and API tokens.")
            .ResolveAsync(async ctx => await ctx.Use<RequestAccess>().MemberAsync(ctx.CancellationToken));
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<CreatedStaffMemberGraphType>("createStaffMember")
            .Description("Adds a staff member with roles in organisations where you are an admin.")
            .Argument<NonNullGraphType<CreateStaffMemberInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateStaffMemberInput>("input");
                var access = await ctx.AccessAsync();
                // Every organisation named must be one the caller administers.
                foreach (var organisationId in input.Grants.Select(g => g.OrganisationId).Distinct())
                {
                    if (await ctx.RequireAsync(organisationId, Permission.ManageStaff) is null)
                        return null;
                }
                // With no grant named there is no organisation to check: only an admin may even learn that grants are required.
                if (input.Grants.Count == 0 && !access.Grants.Any(g => g.Role == Role.Admin) && await ctx.RequireAsync("", Permission.ManageStaff) is null)
                    return null;
                return (await ctx.Use<CreateStaffMember>().ExecuteAsync(
                    new CreateStaffMember.Request(input.Email, input.DisplayName, input.Grants.Select(g => new RoleGrant(g.OrganisationId, g.Role)).ToList(), input.Password),
                    access.Actor, ctx.CancellationToken)).ValueOrErrors(ctx);
            });

        mutation.Field<CreatedApiTokenGraphType>("createApiToken")
            .Description("Creates an API token for one organisation and role; the secret is shown once. Admins only.")
            .Argument<NonNullGraphType<CreateApiTokenInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                var input = ctx.GetArgument<CreateApiTokenInput>("input");
                return await ctx.AsStaffAsync(input.OrganisationId, Permission.ManageApiTokens, access => ctx.Use<CreateApiToken>().ExecuteAsync(
                    new CreateApiToken.Request(input.OrganisationId, input.Name, input.Role, input.ExpiresAt), access.Actor, ctx.CancellationToken));
            });

        mutation.Field<ApiTokenGraphType>("revokeApiToken")
            .Description("Revokes an API token at once. Admins only.")
            .Argument<NonNullGraphType<IdGraphType>>("tokenId")
            .ResolveAsync(async ctx =>
            {
                var id = ctx.GetArgument<string>("tokenId");
                var token = await ctx.LoadAsync(() => ctx.Use<IApiTokenStore>().GetAsync(id, ctx.CancellationToken), "tokenId", "API token");
                return token is null ? null : await ctx.AsStaffAsync(token.OrganisationId, Permission.ManageApiTokens, access => ctx.Use<RevokeApiToken>().ExecuteAsync(
                    new RevokeApiToken.Request(id), access.Actor, ctx.CancellationToken));
            });
    }
}
