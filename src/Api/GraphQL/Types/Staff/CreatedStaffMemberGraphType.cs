using Engagement.Core.Staff;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>A new staff member and, when none was chosen, the generated password, shown this once.</summary>
internal sealed class CreatedStaffMemberGraphType : ObjectGraphType<CreateStaffMember.Created>
{
    public CreatedStaffMemberGraphType()
    {
        Name = "CreatedStaffMember";
        Field<NonNullGraphType<StaffMemberGraphType>>("member").Resolve(ctx => ctx.Source.Member);
        Field<StringGraphType>("generatedPassword").Resolve(ctx => ctx.Source.GeneratedPassword);
    }
}
