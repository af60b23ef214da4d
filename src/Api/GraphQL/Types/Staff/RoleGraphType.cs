using Engagement.Core.Staff;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>A role held in one organisation.</summary>
internal sealed class RoleGraphType : EnumerationGraphType<Role>
{
    public RoleGraphType()
    {
        Name = "Role";
    }
}
