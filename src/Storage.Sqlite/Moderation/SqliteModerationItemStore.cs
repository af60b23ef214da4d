using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>
/// Moderation items in SQLite, one row each: a partial unique index keeps one open item per text, a version check
/// in the UPDATE's own WHERE keeps two moderators from both winning, and the priority column orders the queue.
/// </summary>
public sealed class SqliteModerationItemStore(SqliteDatabase db) : IModerationItemStore
{
    // The port's bound on one list; larger asks are capped rather than refused.
    private const int MaxList = 200;

    // Written out, not bound, so SQLite can prove the query matches the partial unique index's WHERE and use it.
    private const string Open = $"status <> '{nameof(ModerationItemStatus.Decided)}'";

    // The unique index refuses a second open item; NOT EXISTS also refuses a decided one while the text has an open
    // item, as the port says. Writes run one at a time under SQLite's write lock, so the check cannot race.
    public Task<bool> TryAddAsync(ModerationItem item, CancellationToken ct = default) =>
        db.TryWriteAsync(tx => Bind(tx.Command($"""
                INSERT INTO moderation_items (id, organisation_id, kind, target_id, status, priority, created_ticks, version, doc)
                SELECT @id, @organisation_id, @kind, @target_id, @status, @priority, @created_ticks, @version, @doc
                WHERE NOT EXISTS (SELECT 1 FROM moderation_items WHERE kind = @kind AND target_id = @target_id AND {Open})
                ON CONFLICT DO NOTHING
                """), item)
            .Run() == 1, ct);

    public Task<bool> TryUpdateAsync(ModerationItem item, int expectedVersion, CancellationToken ct = default)
    {
        var updated = item with { Version = expectedVersion + 1 };
        // One statement checks the version and writes; a change that would give the text a second open item fails
        // the unique index, and TryWriteAsync turns that into false with nothing changed.
        return db.TryWriteAsync(tx => Bind(tx.Command("""
                UPDATE moderation_items
                SET organisation_id = @organisation_id, kind = @kind, target_id = @target_id, status = @status, priority = @priority,
                    created_ticks = @created_ticks, version = @version, doc = @doc
                WHERE id = @id AND version = @expected
                """), updated)
            .With("@expected", expectedVersion)
            .Run() == 1, ct);
    }

    public Task<ModerationItem?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM moderation_items WHERE id = @id").With("@id", id).ReadDoc<ModerationItem>(), ct);

    public Task<ModerationItem?> GetOpenAsync(TextKind kind, string targetId, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command($"SELECT doc FROM moderation_items WHERE kind = @kind AND target_id = @target_id AND {Open}")
            .With("@kind", kind.ToString())
            .With("@target_id", targetId)
            .ReadDoc<ModerationItem>(), ct);

    public Task<IReadOnlyList<ModerationItem>> ListAsync(
        string organisationId, ModerationItemStatus status, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return db.ReadAsync<IReadOnlyList<ModerationItem>>(c => c.Command("""
                SELECT doc FROM moderation_items
                WHERE organisation_id = @organisation_id AND status = @status
                ORDER BY priority DESC, created_ticks, id
                LIMIT @max
                """)
            .With("@organisation_id", organisationId)
            .With("@status", status.ToString())
            .With("@max", Math.Min(max, MaxList))
            .ReadDocs<ModerationItem>(), ct);
    }

    // Insert and update write the same key columns from the same item, so the columns never drift from the document.
    private static SqliteCommand Bind(SqliteCommand command, ModerationItem item) =>
        command
            .With("@id", item.Id)
            .With("@organisation_id", item.OrganisationId)
            .With("@kind", item.Kind.ToString())
            .With("@target_id", item.TargetId)
            .With("@status", item.Status.ToString())
            .With("@priority", item.Priority)
            .With("@created_ticks", item.CreatedAt.Ticks())
            .With("@version", item.Version)
            .With("@doc", StorageJson.Serialize(item));

    public Task<int> CountAsync(string organisationId, ModerationItemStatus status, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT COUNT(*) FROM moderation_items WHERE organisation_id = @organisation_id AND status = @status")
            .With("@organisation_id", organisationId)
            .With("@status", status.ToString())
            .ReadCount(), ct);

    public Task<IReadOnlyList<ModerationItem>> ListCreatedSinceAsync(string organisationId, DateTimeOffset since, int max, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return db.ReadAsync<IReadOnlyList<ModerationItem>>(c => c.Command("""
                SELECT doc FROM moderation_items
                WHERE organisation_id = @organisation_id AND created_ticks >= @since
                ORDER BY created_ticks, id LIMIT @max
                """)
            .With("@organisation_id", organisationId)
            .With("@since", since.Ticks())
            .With("@max", Math.Min(max, 10_000))
            .ReadDocs<ModerationItem>(), ct);
    }
}
