using Engagement.Core.Consultations;

namespace Engagement.Storage.Sqlite;

/// <summary>Consultations in SQLite, one row each, updated with an optimistic version check.</summary>
public sealed class SqliteConsultationStore(SqliteDatabase db) : IConsultationStore
{
    private readonly VersionedDocuments<Consultation, ConsultationStatus> _table = new(
        db,
        "consultations",
        c => (c.Id, c.OrganisationId, c.Slug, c.Status, c.CreatedAt, c.Version),
        (given, stored) => given with { OrganisationId = stored.OrganisationId, Slug = stored.Slug, CreatedAt = stored.CreatedAt });

    public Task<bool> TryAddAsync(Consultation consultation, CancellationToken ct = default) => _table.TryAddAsync(consultation, ct);

    public Task<bool> UpdateAsync(Consultation consultation, int expectedVersion, CancellationToken ct = default) =>
        _table.UpdateAsync(consultation, expectedVersion, ct);

    public Task<Consultation?> GetAsync(string id, CancellationToken ct = default) => _table.GetAsync(id, ct);

    public Task<Consultation?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct = default) =>
        _table.GetBySlugAsync(organisationId, slug, ct);

    public Task<IReadOnlyList<Consultation>> ListAsync(string organisationId, ConsultationStatus? status = null, CancellationToken ct = default) =>
        _table.ListAsync(organisationId, status, ct);
}
