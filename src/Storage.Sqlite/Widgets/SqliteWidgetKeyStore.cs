using Engagement.Core.Widgets;

namespace Engagement.Storage.Sqlite;

/// <summary>Widget keys in SQLite; the public key is unique by constraint and looked up by its index.</summary>
public sealed class SqliteWidgetKeyStore(SqliteDatabase db) : IWidgetKeyStore
{
    public Task<bool> TryAddAsync(WidgetKey key, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("""
                INSERT INTO widget_keys (id, public_key, service_id, created_ticks, doc) VALUES (@id, @public_key, @service_id, @created_ticks, @doc)
                ON CONFLICT DO NOTHING
                """)
            .With("@id", key.Id)
            .With("@public_key", key.Key)
            .With("@service_id", key.ServiceId)
            .With("@created_ticks", key.CreatedAt.Ticks())
            .With("@doc", StorageJson.Serialize(key))
            .Run() == 1, ct);

    public Task<bool> UpdateAsync(WidgetKey key, CancellationToken ct = default) =>
        db.TryWriteAsync(tx =>
        {
            var stored = tx.Command("SELECT doc FROM widget_keys WHERE id = @id").With("@id", key.Id).ReadDoc<WidgetKey>();
            if (stored is null)
                return false;
            // Identity, owner and creation stay as stored, whatever the caller passed.
            var updated = key with { Key = stored.Key, OrganisationId = stored.OrganisationId, ServiceId = stored.ServiceId, CreatedAt = stored.CreatedAt };
            return tx.Command("UPDATE widget_keys SET doc = @doc WHERE id = @id")
                .With("@id", key.Id)
                .With("@doc", StorageJson.Serialize(updated))
                .Run() == 1;
        }, ct);

    public Task<WidgetKey?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM widget_keys WHERE id = @id").With("@id", id).ReadDoc<WidgetKey>(), ct);

    public Task<WidgetKey?> GetByKeyAsync(string key, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM widget_keys WHERE public_key = @key").With("@key", key).ReadDoc<WidgetKey>(), ct);

    public Task<IReadOnlyList<WidgetKey>> ListByServiceAsync(string serviceId, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<WidgetKey>>(c => c.Command("SELECT doc FROM widget_keys WHERE service_id = @service_id ORDER BY created_ticks, id")
            .With("@service_id", serviceId).ReadDocs<WidgetKey>(), ct);
}
