using Engagement.Core.ApiTokens;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>An API token as admins see it: never the secret or its hash, only its prefix.</summary>
internal sealed class ApiTokenGraphType : ObjectGraphType<ApiToken>
{
    public ApiTokenGraphType()
    {
        Name = "ApiToken";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name);
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(ctx => ctx.Source.Role);
        Field(x => x.Prefix).Description("The first characters of the secret, to tell tokens apart.");
        Field(x => x.CreatedAt);
        Field(x => x.ExpiresAt, nullable: true);
        Field(x => x.RevokedAt, nullable: true);
    }
}
