using Engagement.Core.Staff;

namespace Engagement.GraphQL.Access;

/// <summary>
/// What the current request's caller may do, worked out once per request by the host (which knows cookies and
/// tokens); resolvers only ask. Registered scoped.
/// </summary>
public interface IRequestStaffAccess
{
    Task<StaffAccess> GetAsync(CancellationToken ct);
}
