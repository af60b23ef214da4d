using MongoDB.Bson;

namespace Engagement.Storage.Migration;

/// <summary>Where the copy reads: a store's tables, counted and read in keyset batches, rows already converted to documents.</summary>
public interface IMigrationSource
{
    /// <summary>Where the data comes from, for the progress lines (never a secret).</summary>
    string Describe();

    /// <summary>
    /// Identifies the data as it was when the source was opened; it changes whenever the data may have changed, so a run
    /// never resumes from checkpoints saved while copying different data.
    /// </summary>
    string Fingerprint { get; }

    /// <summary>Every table that holds data, including those no plan knows, so none is skipped unnoticed.</summary>
    Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken ct);

    Task<long> CountAsync(string table, CancellationToken ct);

    /// <summary>The rows the plan reads: the table's own, or its <see cref="TablePlan.Query"/>'s when it has one.</summary>
    Task<long> CountAsync(TablePlan plan, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="max"/> rows after the key <paramref name="after"/> (from the start when null), in the table's
    /// stable key order, each converted by the plan into a document with its <c>_id</c>; an empty batch when none is left.
    /// </summary>
    Task<MigrationBatch> ReadBatchAsync(TablePlan plan, BsonArray? after, int max, CancellationToken ct);

    /// <summary>The highest sequence the table ever handed out (0 when none), so a counter copied from it never reuses one.</summary>
    Task<long> HighWaterAsync(string table, CancellationToken ct);
}

/// <summary>Where the copy writes: idempotent upserts by <c>_id</c>, counts, and a checkpoint per table.</summary>
public interface IMigrationSink
{
    /// <summary>Where the data goes, for the progress lines (never a secret).</summary>
    string Describe();

    /// <summary>Makes the target ready (server checks, indexes) before anything is written; idempotent.</summary>
    Task PrepareAsync(CancellationToken ct);

    /// <summary>Replaces each document with the same <c>_id</c>, inserting it when absent: writing a batch twice changes nothing.</summary>
    Task UpsertAsync(string collection, IReadOnlyList<BsonDocument> documents, CancellationToken ct);

    Task<long> CountAsync(string collection, BsonDocument filter, CancellationToken ct);

    /// <summary>
    /// Reads every document of the collection with only the fields of <paramref name="projection"/> (and <c>_id</c>), and
    /// sums <paramref name="count"/> over them: how a derived table's rows are counted in the target.
    /// </summary>
    Task<long> SumAsync(string collection, BsonDocument projection, Func<BsonDocument, long> count, CancellationToken ct);

    /// <summary>Sets <paramref name="field"/> of the document <paramref name="id"/> to at least <paramref name="value"/>, creating it when absent; never lowers it.</summary>
    Task RaiseCounterAsync(string collection, BsonValue id, string field, long value, CancellationToken ct);

    Task<MigrationCheckpoint?> ReadCheckpointAsync(string table, CancellationToken ct);

    Task SaveCheckpointAsync(MigrationCheckpoint checkpoint, CancellationToken ct);
}

/// <summary>One batch read from a table: its documents and the key of its last row (null when the batch is empty).</summary>
public sealed record MigrationBatch(IReadOnlyList<BsonDocument> Documents, BsonArray? Last);

/// <summary>
/// How far a table's copy got: the key of the last row written, how many rows all runs have written so far, and the
/// fingerprint of the source they were read from.
/// </summary>
public sealed record MigrationCheckpoint(string Table, BsonArray After, long Copied, string Source);

/// <summary>The copy will not start (or go on); the message tells the operator why and what to do.</summary>
public sealed class MigrationRefusedException(string message) : Exception(message);
