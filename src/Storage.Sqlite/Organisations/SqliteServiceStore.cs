using Engagement.Core.Organisations;

namespace Engagement.Storage.Sqlite;

/// <summary>Services in SQLite; the slug is unique per organisation by constraint.</summary>
public sealed class SqliteServiceStore(SqliteDatabase db) : IServiceStore
{
    public Task<bool> TryAddAsync(Service service, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("INSERT INTO services (id, organisation_id, slug, doc) VALUES (@id, @organisation_id, @slug, @doc)")
            .With("@id", service.Id)
            .With("@organisation_id", service.OrganisationId)
            .With("@slug", service.Slug)
            .With("@doc", StorageJson.Serialize(service))
            .Run() == 1, ct);

    public Task<bool> UpdateAsync(Service service, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
        {
            var stored = tx.Command("SELECT doc FROM services WHERE id = @id").With("@id", service.Id).ReadDoc<Service>();
            if (stored is null)
                return false;
            // Only the texts are taken from the caller; identity, owner, slug and creation stay as stored.
            var updated = stored with { Name = service.Name, Description = service.Description };
            return tx.Command("UPDATE services SET doc = @doc WHERE id = @id")
                .With("@id", service.Id)
                .With("@doc", StorageJson.Serialize(updated))
                .Run() == 1;
        }, ct);

    public Task<Service?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM services WHERE id = @id").With("@id", id).ReadDoc<Service>(), ct);

    public Task<IReadOnlyList<Service>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Service>>(c => c.Command("SELECT doc FROM services WHERE id IN (SELECT value FROM json_each(@ids))")
            .WithJsonArray("@ids", ids).ReadDocs<Service>(), ct);

    public Task<IReadOnlyList<Service>> ListByOrganisationAsync(string organisationId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Service>>(c => c.Command("SELECT doc FROM services WHERE organisation_id = @organisation_id ORDER BY slug")
            .With("@organisation_id", organisationId).ReadDocs<Service>(), ct);
}
