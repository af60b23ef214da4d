using Engagement.Core.Organisations;

namespace Engagement.Storage.Sqlite;

/// <summary>Organisations in SQLite; the slug's uniqueness is a constraint.</summary>
public sealed class SqliteOrganisationStore(SqliteDatabase db) : IOrganisationStore
{
    public Task<bool> TryAddAsync(Organisation organisation, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => tx.Command("INSERT INTO organisations (id, slug, doc) VALUES (@id, @slug, @doc)")
            .With("@id", organisation.Id)
            .With("@slug", organisation.Slug)
            .With("@doc", StorageJson.Serialize(organisation))
            .Run() == 1, ct);

    public Task<Organisation?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM organisations WHERE id = @id").With("@id", id).ReadDoc<Organisation>(), ct);

    public Task<Organisation?> GetBySlugAsync(string slug, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM organisations WHERE slug = @slug").With("@slug", slug).ReadDoc<Organisation>(), ct);

    public Task<IReadOnlyList<Organisation>> ListAsync(CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<Organisation>>(c => c.Command("SELECT doc FROM organisations ORDER BY slug").ReadDocs<Organisation>(), ct);
}
