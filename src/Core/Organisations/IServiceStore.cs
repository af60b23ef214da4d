namespace Engagement.Core.Organisations;

/// <summary>Stores services. Every adapter honours the rules stated on each method.</summary>
public interface IServiceStore
{
    /// <summary>
    /// Adds a service durably. Returns false, and changes nothing, when the organisation already has a
    /// service with the same slug, or the id is taken. Slugs may repeat across organisations.
    /// </summary>
    Task<bool> TryAddAsync(Service service, CancellationToken ct = default);

    /// <summary>Replaces a service's name and description; false when no service has this id. Slug and organisation never change.</summary>
    Task<bool> UpdateAsync(Service service, CancellationToken ct = default);

    /// <summary>The service with this id, or null when there is none.</summary>
    Task<Service?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The services with these ids, in no particular order; missing ids are skipped, duplicates returned once.</summary>
    Task<IReadOnlyList<Service>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default);

    /// <summary>The organisation's services ordered by slug; empty for an unknown organisation.</summary>
    Task<IReadOnlyList<Service>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default);
}
