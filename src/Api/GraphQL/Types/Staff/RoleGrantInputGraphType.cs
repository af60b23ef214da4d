using Engagement.Core.Staff;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>A role to grant in one organisation.</summary>
internal sealed class RoleGrantInputGraphType : InputObjectGraphType<RoleGrantInput>
{
    public RoleGrantInputGraphType()
    {
        Name = "RoleGrantInput";
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleGraphType>));
    }
}

/// <summary>The bound form of <see cref="RoleGrantInputGraphType"/>.</summary>
public sealed class RoleGrantInput
{
    public string OrganisationId { get; set; } = "";
    public Role Role { get; set; }
}
