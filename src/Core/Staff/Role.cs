using Engagement.Core.Common;

namespace Engagement.Core.Staff;

/// <summary>What a person or token may do in one organisation.</summary>
public enum Role
{
    /// <summary>Takes part like any citizen; an API token with this role acts for citizens (an integrator's own form).</summary>
    Citizen,

    /// <summary>Works the moderation queue.</summary>
    Moderator,

    /// <summary>Runs consultations and surveys, reads insights, runs the backlog.</summary>
    Analyst,

    /// <summary>Everything in the organisation, including services, staff and API tokens.</summary>
    Admin,
}

/// <summary>A role held in one organisation.</summary>
public sealed record RoleGrant(string OrganisationId, Role Role);

/// <summary>The staff abilities the API checks; <see cref="RolePermissions"/> says which role has which.</summary>
public enum Permission
{
    /// <summary>Read what citizens do not see: drafts, held comments, the audit log, staff lists.</summary>
    ReadStaffData,

    ManageConsultations,
    ManageSurveys,
    ManageServices,
    Moderate,
    ManageStaff,
    ManageApiTokens,

    /// <summary>Edit the organisation's blocked and suspect term lists.</summary>
    ManageTermLists,

    /// <summary>Decide items a moderator escalated.</summary>
    DecideEscalated,

    /// <summary>Create, rank, merge and move improvement backlog items.</summary>
    ManageBacklog,

    /// <summary>Register the organisation's webhooks, see their deliveries and send failed ones again.</summary>
    ManageWebhooks,
}

/// <summary>The one table of which role holds which permission.</summary>
public static class RolePermissions
{
    public static bool Allows(Role role, Permission permission) => role switch
    {
        Role.Admin => true,
        Role.Analyst => permission is Permission.ReadStaffData or Permission.ManageConsultations or Permission.ManageSurveys or Permission.ManageBacklog,
        Role.Moderator => permission is Permission.ReadStaffData or Permission.Moderate,
        _ => false,
    };
}

/// <summary>
/// What the caller of a request may do: who they are (for the audit log) and their grants. Built per request
/// from the signed-in staff member or the API token, so a revoked grant takes effect at once.
/// </summary>
public sealed record StaffAccess(Actor Actor, IReadOnlyList<RoleGrant> Grants)
{
    /// <summary>A caller with no staff grant: an anonymous visitor or a citizen.</summary>
    public static StaffAccess None { get; } = new(Actor.System, []);

    public bool IsStaff => Grants.Any(g => g.Role != Role.Citizen);

    public bool Can(string organisationId, Permission permission) =>
        Grants.Any(g => g.OrganisationId == organisationId && RolePermissions.Allows(g.Role, permission));

    /// <summary>The organisations where the caller holds any staff role.</summary>
    public IReadOnlySet<string> StaffOrganisations => Grants.Where(g => g.Role != Role.Citizen).Select(g => g.OrganisationId).ToHashSet();
}
