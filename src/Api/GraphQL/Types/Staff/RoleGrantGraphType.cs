using Engagement.Core.Staff;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>A role held in one organisation.</summary>
internal sealed class RoleGrantGraphType : ObjectGraphType<RoleGrant>
{
    public RoleGrantGraphType()
    {
        Name = "RoleGrant";
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field<NonNullGraphType<RoleGraphType>>("role").Resolve(ctx => ctx.Source.Role);
    }
}
