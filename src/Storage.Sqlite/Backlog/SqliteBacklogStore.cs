using Engagement.Core.Backlog;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>Backlog items in SQLite, one document each, written under their version with their event, emails and spent follow-ups.</summary>
public sealed class SqliteBacklogStore(SqliteDatabase db) : IBacklogStore
{
    public Task<bool> TryAddAsync(BacklogItem item, BacklogWrite write, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => Bind(tx.Command("""
                INSERT INTO backlog_items (id, organisation_id, status, merged, created_ticks, version, doc)
                VALUES (@id, @organisation_id, @status, @merged, @created_ticks, @version, @doc)
                ON CONFLICT (id) DO NOTHING
                """), item).Run() == 1 && Effects(tx, item, write), ct);

    public Task<bool> TryUpdateAsync(BacklogItem item, int expectedVersion, BacklogWrite write, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => Bind(tx.Command("""
                UPDATE backlog_items SET status = @status, merged = @merged, version = @version, doc = @doc
                WHERE id = @id AND organisation_id = @organisation_id AND version = @expected
                """), item).With("@expected", expectedVersion).Run() == 1 && Effects(tx, item, write), ct);

    public Task<BacklogItem?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM backlog_items WHERE id = @id").With("@id", id).ReadDoc<BacklogItem>(), ct);

    public Task<IReadOnlyList<BacklogItem>> ListAsync(string organisationId, BacklogStatus? status, int max, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<BacklogItem>>(c => c.Command(status is null
                ? "SELECT doc FROM backlog_items WHERE organisation_id = @organisation_id AND merged = 0 ORDER BY created_ticks DESC, id LIMIT @max"
                : "SELECT doc FROM backlog_items WHERE organisation_id = @organisation_id AND merged = 0 AND status = @status ORDER BY created_ticks DESC, id LIMIT @max")
            .With("@organisation_id", organisationId).With("@status", status?.ToString()).With("@max", max).ReadDocs<BacklogItem>(), ct);

    public Task<IReadOnlyList<BacklogEvent>> ReadEventsAsync(long sequence, int max, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<BacklogEvent>>(c =>
        {
            using var command = c.Command("SELECT sequence, doc FROM backlog_events WHERE sequence > @after ORDER BY sequence LIMIT @max")
                .With("@after", sequence).With("@max", max);
            using var reader = command.ExecuteReader();
            var events = new List<BacklogEvent>();
            while (reader.Read())
                events.Add(StorageJson.Deserialize<BacklogEvent>(reader.GetString(1)) with { Sequence = reader.GetInt64(0) });
            return events;
        }, ct);

    // Everything the write causes, in its transaction: the event, the outbox messages, the spent follow-ups.
    private static bool Effects(SqliteTransaction tx, BacklogItem item, BacklogWrite write)
    {
        var evt = new BacklogEvent(0, write.Event, write.PreviousStatus, item, item.UpdatedAt);
        tx.Command("INSERT INTO backlog_events (item_id, organisation_id, doc) VALUES (@item_id, @organisation_id, @doc)")
            .With("@item_id", item.Id).With("@organisation_id", item.OrganisationId).With("@doc", StorageJson.Serialize(evt)).Run();
        foreach (var email in write.Emails)
            SqliteOutboxStore.Append(tx, email, item.UpdatedAt);
        if (write.SpentFollowUps.Count > 0)
            tx.Command("DELETE FROM follow_ups WHERE id IN (SELECT value FROM json_each(@ids))").WithJsonArray("@ids", write.SpentFollowUps).Run();
        return true;
    }

    private static SqliteCommand Bind(SqliteCommand command, BacklogItem item) => command
        .With("@id", item.Id)
        .With("@organisation_id", item.OrganisationId)
        .With("@status", item.Status.ToString())
        .With("@merged", item.MergedInto is null ? 0 : 1)
        .With("@created_ticks", item.CreatedAt.Ticks())
        .With("@version", item.Version)
        .With("@doc", StorageJson.Serialize(item));
}
