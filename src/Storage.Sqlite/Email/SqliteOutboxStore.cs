using Engagement.Core.Email;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Sqlite;

/// <summary>The email outbox in SQLite; <see cref="Append"/> lets another store write messages inside its own transaction.</summary>
public sealed class SqliteOutboxStore(SqliteDatabase db) : IOutboxStore
{
    public Task<int> EnqueueAsync(IReadOnlyList<EmailMessage> messages, DateTimeOffset now, CancellationToken ct = default) =>
        db.WriteAsync(tx => messages.Sum(m => Append(tx, m, now)), ct);

    /// <summary>Writes a message as pending and due now, in the caller's transaction; 0 when its id is stored already.</summary>
    internal static int Append(SqliteTransaction tx, EmailMessage message, DateTimeOffset now)
    {
        var entry = new OutboxEntry { Message = message, Status = OutboxStatus.Pending, Attempts = 0, NextAttemptAt = now };
        return tx.Command("""
                INSERT INTO outbox (id, status, next_attempt_ticks, created_ticks, doc) VALUES (@id, @status, @next, @created, @doc)
                ON CONFLICT (id) DO NOTHING
                """)
            .With("@id", message.Id).With("@status", entry.Status.ToString()).With("@next", now.Ticks()).With("@created", message.CreatedAt.Ticks())
            .With("@doc", StorageJson.Serialize(entry)).Run();
    }

    public Task<IReadOnlyList<OutboxEntry>> TakeDueAsync(DateTimeOffset now, DateTimeOffset holdUntil, int max, CancellationToken ct = default) =>
        db.WriteAsync<IReadOnlyList<OutboxEntry>>(tx =>
        {
            // One writer at a time: what is read here is still due when the hold is written.
            var due = tx.Command("""
                    SELECT doc FROM outbox WHERE status = 'Pending' AND next_attempt_ticks <= @now ORDER BY next_attempt_ticks, id LIMIT @max
                    """).With("@now", now.Ticks()).With("@max", max).ReadDocs<OutboxEntry>();
            var held = due.Select(e => e with { NextAttemptAt = holdUntil }).ToList();
            foreach (var entry in held)
                Write(tx, entry);
            return held;
        }, ct);

    public Task MarkSentAsync(string id, DateTimeOffset at, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            if (Read(tx, id) is { Status: not OutboxStatus.Sent } entry)
                Write(tx, entry with { Status = OutboxStatus.Sent, Attempts = entry.Attempts + 1, SentAt = at, LastError = null });
            return true;
        }, ct);

    public Task MarkFailedAsync(string id, string error, DateTimeOffset? retryAt, CancellationToken ct = default) =>
        db.WriteAsync(tx =>
        {
            if (Read(tx, id) is { Status: OutboxStatus.Pending } entry)
            {
                Write(tx, entry with
                {
                    Status = retryAt is null ? OutboxStatus.Failed : OutboxStatus.Pending,
                    Attempts = entry.Attempts + 1,
                    NextAttemptAt = retryAt ?? entry.NextAttemptAt,
                    LastError = error,
                });
            }
            return true;
        }, ct);

    public Task<OutboxEntry?> GetAsync(string id, CancellationToken ct = default) =>
        db.ReadAsync(c => c.Command("SELECT doc FROM outbox WHERE id = @id").With("@id", id).ReadDoc<OutboxEntry>(), ct);

    public Task<IReadOnlyList<OutboxEntry>> ListAsync(OutboxStatus status, int max, CancellationToken ct = default) =>
        db.ReadAsync<IReadOnlyList<OutboxEntry>>(c => c.Command("SELECT doc FROM outbox WHERE status = @status ORDER BY created_ticks DESC, id LIMIT @max")
            .With("@status", status.ToString()).With("@max", max).ReadDocs<OutboxEntry>(), ct);

    private static OutboxEntry? Read(SqliteTransaction tx, string id) =>
        tx.Command("SELECT doc FROM outbox WHERE id = @id").With("@id", id).ReadDoc<OutboxEntry>();

    private static void Write(SqliteTransaction tx, OutboxEntry entry) =>
        tx.Command("UPDATE outbox SET status = @status, next_attempt_ticks = @next, doc = @doc WHERE id = @id")
            .With("@id", entry.Message.Id).With("@status", entry.Status.ToString()).With("@next", entry.NextAttemptAt.Ticks())
            .With("@doc", StorageJson.Serialize(entry)).Run();
}
