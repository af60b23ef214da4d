using Engagement.Core.Backlog;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>Backlog items in SQLite, one document each, written under their version.</summary>
public sealed class SqliteBacklogStore(SqliteDatabase db) : IBacklogStore
{
    public Task<bool> TryAddAsync(BacklogItem item, CancellationToken ct = default) =>
        db.WriteAsync(tx => Bind(tx.Command("""
                INSERT INTO backlog_items (id, organisation_id, status, merged, created_ticks, version, doc)
                VALUES (@id, @organisation_id, @status, @merged, @created_ticks, @version, @doc)
                ON CONFLICT (id) DO NOTHING
                """), item).Run() == 1, ct);

    public Task<bool> TryUpdateAsync(BacklogItem item, int expectedVersion, CancellationToken ct = default) =>
        db.WriteAsync(tx => Bind(tx.Command("""
                UPDATE backlog_items SET status = @status, merged = @merged, version = @version, doc = @doc
                WHERE id = @id AND organisation_id = @organisation_id AND version = @expected
                """), item).With("@expected", expectedVersion).Run() == 1, ct);

    public Task<BacklogItem?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM backlog_items WHERE id = @id").With("@id", id).ReadDoc<BacklogItem>(), ct);

    public Task<IReadOnlyList<BacklogItem>> ListAsync(string organisationId, BacklogStatus? status, int max, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<BacklogItem>>(c => c.Command(status is null
                ? "SELECT doc FROM backlog_items WHERE organisation_id = @organisation_id AND merged = 0 ORDER BY created_ticks DESC, id LIMIT @max"
                : "SELECT doc FROM backlog_items WHERE organisation_id = @organisation_id AND merged = 0 AND status = @status ORDER BY created_ticks DESC, id LIMIT @max")
            .With("@organisation_id", organisationId).With("@status", status?.ToString()).With("@max", max).ReadDocs<BacklogItem>(), ct);

    private static SqliteCommand Bind(SqliteCommand command, BacklogItem item) => command
        .With("@id", item.Id)
        .With("@organisation_id", item.OrganisationId)
        .With("@status", item.Status.ToString())
        .With("@merged", item.MergedInto is null ? 0 : 1)
        .With("@created_ticks", item.CreatedAt.Ticks())
        .With("@version", item.Version)
        .With("@doc", StorageJson.Serialize(item));
}
