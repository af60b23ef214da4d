using Engagement.Core.Staff;
using GraphQL.Types;

namespace Engagement.Api.GraphQL.Types.Staff;

/// <summary>A staff member as other staff see them: never the password hash or lockout state.</summary>
internal sealed class StaffMemberGraphType : ObjectGraphType<StaffMember>
{
    public StaffMemberGraphType()
    {
        Name = "StaffMember";
        Field(x => x.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(x => x.Email);
        Field(x => x.DisplayName);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGrantGraphType>>>>("grants").Resolve(ctx => ctx.Source.Grants);
    }
}
