namespace Engagement.Core.Organisations;

/// <summary>Stores organisations. Every adapter honours the rules stated on each method.</summary>
public interface IOrganisationStore
{
    /// <summary>
    /// Adds an organisation durably. Returns false, and changes nothing, when another organisation
    /// already uses the same slug or id.
    /// </summary>
    Task<bool> TryAddAsync(Organisation organisation, CancellationToken ct = default);

    /// <summary>The organisation with this id, or null when there is none.</summary>
    Task<Organisation?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The organisation with this slug (exact, case-sensitive), or null when there is none.</summary>
    Task<Organisation?> GetBySlugAsync(string slug, CancellationToken ct = default);

    /// <summary>Every organisation, ordered by slug.</summary>
    Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken ct = default);
}
