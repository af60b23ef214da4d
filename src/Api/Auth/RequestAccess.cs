using System.Security.Claims;
using Engagement.Core.Common;
using Engagement.Core.Staff;
using Engagement.GraphQL.Access;

namespace Engagement.Api.Auth;

/// <summary>
/// What the current request may do, worked out once per request from its principal. Grants are read from the
/// store, not from the cookie, so a removed role or a revoked token stops working on the next request.
/// </summary>
public sealed class RequestAccess(IHttpContextAccessor http, IStaffStore staff) : IRequestStaffAccess
{
    private readonly Lock _lock = new();
    private Task<StaffAccess>? _access;
    private StaffMember? _member;

    /// <summary>The signed-in staff member, or null (anonymous, citizen, or an API token).</summary>
    public async Task<StaffMember?> MemberAsync(CancellationToken ct)
    {
        await GetAsync(ct);
        return _member;
    }

    /// <summary>Worked out on first use and shared by every resolver of the request, even those running in parallel.</summary>
    public Task<StaffAccess> GetAsync(CancellationToken ct)
    {
        lock (_lock)
            return _access ??= LoadAsync(ct);
    }

    private async Task<StaffAccess> LoadAsync(CancellationToken ct)
    {
        var (access, member) = await ForUserAsync(http.HttpContext?.User, staff, ct);
        _member = member;
        return access;
    }

    /// <summary>
    /// What a principal may do, read from the store now. Shared with callers that hold a principal but no request
    /// of their own, such as a hub method running on a long-lived connection.
    /// </summary>
    public static async Task<(StaffAccess Access, StaffMember? Member)> ForUserAsync(ClaimsPrincipal? user, IStaffStore staff, CancellationToken ct)
    {
        if (user is null)
            return (StaffAccess.None, null);

        if (StaffClaims.StaffIdOf(user) is { } staffId && await staff.GetAsync(staffId, ct) is { Disabled: false } member)
            return (new StaffAccess(Actor.Staff(member.Id), member.Grants), member);
        if (StaffClaims.TokenIdOf(user) is { } tokenId
            && user.FindFirst(StaffClaims.TokenOrganisation)?.Value is { } organisationId
            && Enum.TryParse<Role>(user.FindFirst(StaffClaims.TokenRole)?.Value, out var role))
        {
            // The token handler checked the token against the store when the principal was made.
            return (new StaffAccess(Actor.Staff($"token:{tokenId}"), [new RoleGrant(organisationId, role)]), null);
        }
        return (StaffAccess.None, null);
    }
}
