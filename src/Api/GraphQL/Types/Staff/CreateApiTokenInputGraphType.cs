using Engagement.Core.Staff;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>A new API token for one organisation and role.</summary>
internal sealed class CreateApiTokenInputGraphType : InputObjectGraphType<CreateApiTokenInput>
{
    public CreateApiTokenInputGraphType()
    {
        Name = "CreateApiTokenInput";
        Field(x => x.OrganisationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Name);
        Field(x => x.Role, type: typeof(NonNullGraphType<RoleGraphType>));
        Field(x => x.ExpiresAt, nullable: true);
    }
}

/// <summary>The bound form of <see cref="CreateApiTokenInputGraphType"/>.</summary>
public sealed class CreateApiTokenInput
{
    public string OrganisationId { get; set; } = "";
    public string Name { get; set; } = "";
    public Role Role { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}
