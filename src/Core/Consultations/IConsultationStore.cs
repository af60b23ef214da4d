namespace Engagement.Core.Consultations;

/// <summary>Stores consultations, one document each. Every adapter honours the rules stated on each method.</summary>
public interface IConsultationStore
{
    /// <summary>
    /// Adds a consultation durably. Returns false, and changes nothing, when the organisation already has
    /// a consultation with the same slug, or the id is taken.
    /// </summary>
    Task<bool> TryAddAsync(Consultation consultation, CancellationToken ct = default);

    /// <summary>
    /// Replaces the stored consultation when its stored version equals <paramref name="expectedVersion"/>,
    /// storing the given one (whose Version the caller has already incremented). Returns false, and changes
    /// nothing, when the id is unknown or the version differs (someone else changed it first).
    /// Id, organisation, slug and creation time are never changed by an update.
    /// </summary>
    Task<bool> UpdateAsync(Consultation consultation, int expectedVersion, CancellationToken ct = default);

    /// <summary>The consultation with this id, or null.</summary>
    Task<Consultation?> GetAsync(string id, CancellationToken ct = default);

    /// <summary>The organisation's consultation with this slug, or null.</summary>
    Task<Consultation?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct = default);

    /// <summary>
    /// The organisation's consultations, newest first (by creation time, then id descending), optionally only
    /// those in one status; empty for an unknown organisation.
    /// </summary>
    Task<IReadOnlyList<Consultation>> ListAsync(string organisationId, ConsultationStatus? status = null, CancellationToken ct = default);
}
