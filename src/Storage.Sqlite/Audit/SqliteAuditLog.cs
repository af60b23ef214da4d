using Engagement.Core.Audit;
using Engagement.Core.Common;

namespace Engagement.Storage.Sqlite;

/// <summary>The audit trail in SQLite: insert-only, so an entry once written is never changed.</summary>
public sealed class SqliteAuditLog(SqliteDatabase db) : IAuditLog
{
    public Task AppendAsync(AuditEntry entry, CancellationToken ct = default) =>
        // A retried append (same id) is a no-op: never a second line, never an overwrite.
        db.WriteAsync(tx => tx.Command("""
            INSERT INTO audit_log (id, organisation_id, target_id, at_ticks, doc)
            VALUES (@id, @organisation_id, @target_id, @at_ticks, @doc)
            ON CONFLICT (id) DO NOTHING
            """)
            .With("@id", entry.Id)
            .With("@organisation_id", entry.OrganisationId)
            .With("@target_id", entry.TargetId)
            .With("@at_ticks", entry.At.Ticks())
            .With("@doc", StorageJson.Serialize(entry))
            .Run(), ct);

    public Task<Page<AuditEntry>> ListAsync(string organisationId, string? targetId, PageRequest page, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command(targetId is null
                ? """
                  SELECT doc FROM audit_log
                  WHERE organisation_id = @organisation_id AND (at_ticks, id) > (@after_ticks, @after_id)
                  ORDER BY at_ticks, id LIMIT @take
                  """
                : """
                  SELECT doc FROM audit_log
                  WHERE organisation_id = @organisation_id AND target_id = @target_id AND (at_ticks, id) > (@after_ticks, @after_id)
                  ORDER BY at_ticks, id LIMIT @take
                  """)
            .With("@organisation_id", organisationId)
            .With("@target_id", targetId)
            .WithPage(page)
            .ReadDocs<AuditEntry>()
            .ToPage(page, x => PageCursor.Of(x.At, x.Id)), ct);

    // The action is read from the document: counting is for staff metrics over a bounded window, not a hot path.
    public Task<int> CountAsync(string organisationId, string action, DateTimeOffset since, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("""
                SELECT COUNT(*) FROM audit_log
                WHERE organisation_id = @organisation_id AND at_ticks >= @since AND json_extract(doc, '$.action') = @action
                """)
            .With("@organisation_id", organisationId)
            .With("@since", since.Ticks())
            .With("@action", action)
            .ReadCount(), ct);
}
