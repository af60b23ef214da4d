using Engagement.Core.Consultations;

namespace Engagement.Storage.Sqlite;

/// <summary>Consultations in SQLite, one row each, updated with an optimistic version check.</summary>
public sealed class SqliteConsultationStore(SqliteDatabase db) : IConsultationStore
{
    public Task<bool> TryAddAsync(Consultation consultation, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("""
            INSERT INTO consultations (id, organisation_id, slug, status, created_ticks, version, doc)
            VALUES (@id, @organisation_id, @slug, @status, @created_ticks, @version, @doc)
            """)
            .With("@id", consultation.Id)
            .With("@organisation_id", consultation.OrganisationId)
            .With("@slug", consultation.Slug)
            .With("@status", consultation.Status.ToString())
            .With("@created_ticks", consultation.CreatedAt.Ticks())
            .With("@version", consultation.Version)
            .With("@doc", StorageJson.Serialize(consultation))
            .Run() == 1, ct);

    public Task<bool> UpdateAsync(Consultation consultation, int expectedVersion, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
        {
            var stored = tx.Command("SELECT doc FROM consultations WHERE id = @id AND version = @expected")
                .With("@id", consultation.Id).With("@expected", expectedVersion).ReadDoc<Consultation>();
            if (stored is null)
                return false;
            var updated = consultation with
            {
                OrganisationId = stored.OrganisationId,
                Slug = stored.Slug,
                CreatedAt = stored.CreatedAt,
            };
            return tx.Command("UPDATE consultations SET status = @status, version = @version, doc = @doc WHERE id = @id")
                .With("@id", stored.Id)
                .With("@status", updated.Status.ToString())
                .With("@version", updated.Version)
                .With("@doc", StorageJson.Serialize(updated))
                .Run() == 1;
        }, ct);

    public Task<Consultation?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM consultations WHERE id = @id").With("@id", id).ReadDoc<Consultation>(), ct);

    public Task<Consultation?> GetBySlugAsync(string organisationId, string slug, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM consultations WHERE organisation_id = @organisation_id AND slug = @slug")
            .With("@organisation_id", organisationId).With("@slug", slug).ReadDoc<Consultation>(), ct);

    public Task<IReadOnlyList<Consultation>> ListAsync(string organisationId, ConsultationStatus? status = null, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Consultation>>(c => c.Command(status is null
                ? "SELECT doc FROM consultations WHERE organisation_id = @organisation_id ORDER BY created_ticks DESC, id DESC"
                : "SELECT doc FROM consultations WHERE organisation_id = @organisation_id AND status = @status ORDER BY created_ticks DESC, id DESC")
            .With("@organisation_id", organisationId)
            .With("@status", status?.ToString())
            .ReadDocs<Consultation>(), ct);
}
