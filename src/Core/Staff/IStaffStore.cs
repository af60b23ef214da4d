namespace Engagement.Core.Staff;

/// <summary>Stores staff members, one document each. Every adapter honours the rules stated on each method.</summary>
public interface IStaffStore
{
    /// <summary>Adds a staff member durably. Returns false, and changes nothing, when the id, the email or the external subject is taken.</summary>
    Task<bool> TryAddAsync(StaffMember member, CancellationToken ct = default);

    /// <summary>
    /// Replaces the stored member when its stored version equals <paramref name="expectedVersion"/>. Returns false,
    /// and changes nothing, when the id is unknown, the version differs, or the new email or external subject is
    /// held by someone else. Id and creation time never change.
    /// </summary>
    Task<bool> UpdateAsync(StaffMember member, int expectedVersion, CancellationToken ct = default);

    /// <summary>The member with this id, or null.</summary>
    Task<StaffMember?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The member with this email (compared exactly; callers pass it lower-cased), or null.</summary>
    Task<StaffMember?> GetByEmailAsync(string email, CancellationToken ct = default);

    /// <summary>The member linked to this OpenID Connect subject, or null.</summary>
    Task<StaffMember?> GetByExternalSubjectAsync(string subject, CancellationToken ct = default);

    /// <summary>The members holding any grant in the organisation, ordered by email.</summary>
    Task<IReadOnlyList<StaffMember>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default);

    /// <summary>Whether any staff member exists at all (the first admin is created differently).</summary>
    Task<bool> AnyAsync(CancellationToken ct = default);
}
