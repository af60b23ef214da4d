using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>A new staff member; without a password, one is generated and shown once.</summary>
internal sealed class CreateStaffMemberInputGraphType : InputObjectGraphType<CreateStaffMemberInput>
{
    public CreateStaffMemberInputGraphType()
    {
        Name = "CreateStaffMemberInput";
        Field(x => x.Email);
        Field(x => x.DisplayName);
        Field(x => x.Grants, type: typeof(NonNullGraphType<ListGraphType<NonNullGraphType<RoleGrantInputGraphType>>>));
        Field(x => x.Password, nullable: true);
    }
}

/// <summary>The bound form of <see cref="CreateStaffMemberInputGraphType"/>.</summary>
public sealed class CreateStaffMemberInput
{
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public List<RoleGrantInput> Grants { get; set; } = [];
    public string? Password { get; set; }
}
