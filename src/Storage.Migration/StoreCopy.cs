using System.Globalization;

namespace Engagement.Storage.Migration;

/// <summary>
/// Copies every planned table from a source to a sink in keyset batches, checkpointing after each batch so a rerun
/// resumes where the last one stopped, then verifies the counts table by table.
/// </summary>
/// <remarks>
/// Each batch is written before its checkpoint is saved: a crash between the two makes the next run write that batch again,
/// which the sink's upsert by <c>_id</c> absorbs. The other order could lose a batch.
/// </remarks>
public sealed class StoreCopy(IMigrationSource source, IMigrationSink sink, MigrationPlan plan, TextWriter progress)
{
    public const int DefaultBatchSize = 500;
    public const int MaxBatchSize = 10_000;

    /// <summary>
    /// Refuses (with <see cref="MigrationRefusedException"/>) when the source holds rows in a table the plan does not know or
    /// lacks a planned table; otherwise prepares the sink, copies, verifies and reports.
    /// </summary>
    public async Task<CopyReport> RunAsync(int batchSize = DefaultBatchSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchSize, MaxBatchSize);

        await CheckCoverageAsync(ct);
        await progress.WriteLineAsync($"Copying {source.Describe()} into {sink.Describe()}, {batchSize.ToString(CultureInfo.InvariantCulture)} rows a batch.");
        await sink.PrepareAsync(ct);
        var checkpoints = await CheckCheckpointsAsync(ct);

        var copies = new Dictionary<string, (long Copied, long Skipped, long Total)>(StringComparer.Ordinal);
        foreach (var table in plan.Tables)
        {
            copies[table.Table] = await CopyTableAsync(table, checkpoints[table.Table], batchSize, ct);
            if (table.Counter is { } counter)
            {
                var highWater = await source.HighWaterAsync(table.Table, ct);
                await sink.RaiseCounterAsync(counter.Collection, counter.Id, counter.Field, highWater, ct);
                await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {table.Table}: counter '{counter.Id}' in {counter.Collection} raised to at least {highWater}."));
            }
        }

        // The source was counted, within the one snapshot the rows were read from, as each table's copy began; the target
        // is counted once everything is written. Derived tables are counted here too, over the documents they are derived from, now all copied.
        var results = new List<TableResult>();
        foreach (var entry in plan.Entries)
        {
            results.Add(entry switch
            {
                TablePlan table => new TableResult(table.Table, table.Collection, copies[table.Table].Copied, copies[table.Table].Skipped,
                    copies[table.Table].Total, await sink.CountAsync(table.Collection, table.TargetFilter, ct))
                {
                    Note = table.Query?.Note,
                },
                DerivedPlan derived => new TableResult(derived.Table, derived.Collection, 0, 0,
                    await source.CountAsync(derived.Table, ct), await sink.SumAsync(derived.Collection, derived.Projection, derived.Count, ct))
                {
                    Note = derived.Note,
                },
                _ => throw new InvalidOperationException($"The plan entry for '{entry.Table}' is of a kind this copy does not know ({entry.GetType().Name})."),
            });
        }
        var report = new CopyReport(results);
        await report.WriteAsync(progress);
        return report;
    }

    private async Task CheckCoverageAsync(CancellationToken ct)
    {
        await progress.WriteLineAsync($"Checking {source.Describe()} against the migration plan.");
        var tables = await source.ListTablesAsync(ct);
        var missing = plan.Entries.Where(t => !tables.Contains(t.Table, StringComparer.Ordinal)).Select(t => t.Table).ToList();
        if (missing.Count > 0)
            throw new MigrationRefusedException($"The source has no table {string.Join(", ", missing)}, which the plan copies; is it an Engagement database of this version?");

        var unplanned = new List<string>();
        foreach (var table in tables.Where(t => plan.Find(t) is null))
        {
            var rows = await source.CountAsync(table, ct);
            if (rows > 0)
                unplanned.Add($"{table} ({rows.ToString(CultureInfo.InvariantCulture)} rows)");
            else
                await progress.WriteLineAsync($"  {table}: empty and without a plan; nothing to copy.");
        }
        if (unplanned.Count > 0)
        {
            throw new MigrationRefusedException(
                $"Nothing was copied: these tables hold rows, and this build does not know how to store them in MongoDB yet: {string.Join(", ", unplanned)}. "
                + "Copying the rest would leave that data behind; use a build whose migration plan covers them.");
        }
    }

    // Rows before a checkpoint are not read again; if the data changed since they were copied, the copies could be stale
    // while every count still matched. Such checkpoints are refused before anything is written.
    // Returns every table's checkpoint (null where none is saved), for its copy to resume from.
    private async Task<Dictionary<string, MigrationCheckpoint?>> CheckCheckpointsAsync(CancellationToken ct)
    {
        var checkpoints = new Dictionary<string, MigrationCheckpoint?>(StringComparer.Ordinal);
        var stale = new List<string>();
        foreach (var table in plan.Tables)
        {
            var checkpoint = checkpoints[table.Table] = await sink.ReadCheckpointAsync(table.Table, ct);
            if (checkpoint is not null && checkpoint.Source != source.Fingerprint)
                stale.Add(table.Table);
        }
        if (stale.Count > 0)
        {
            throw new MigrationRefusedException(
                $"The checkpoints of {string.Join(", ", stale)} were saved while copying different data (the file changed since, or is another file). "
                + "Rows copied then may have changed. Start over: drop the migrationCheckpoints collection and run the copy again; every row is then written again over itself.");
        }
        return checkpoints;
    }

    private async Task<(long Copied, long Skipped, long Total)> CopyTableAsync(TablePlan table, MigrationCheckpoint? checkpoint, int batchSize, CancellationToken ct)
    {
        var skipped = checkpoint?.Copied ?? 0;
        var after = checkpoint?.After;
        var total = await source.CountAsync(table, ct);
        if (checkpoint is not null)
            await progress.WriteLineAsync($"  {table.Table}: resuming after {skipped.ToString(CultureInfo.InvariantCulture)} rows copied by an earlier run.");

        long copied = 0;
        while (true)
        {
            MigrationBatch batch;
            try
            {
                batch = await source.ReadBatchAsync(table, after, batchSize, ct);
            }
            catch (FormatException e)
            {
                // A row the plan cannot convert stops the copy with what is wrong; everything before it stays checkpointed.
                throw new MigrationRefusedException(
                    $"A row of '{table.Table}' cannot be stored in MongoDB: {e.Message} The batches copied before it are kept; "
                    + "correct the row in the SQLite file (or use a build that knows it), then start over by dropping the migrationCheckpoints collection.");
            }
            if (batch.Documents.Count == 0)
                break;
            await sink.UpsertAsync(table.Collection, batch.Documents, ct);
            copied += batch.Documents.Count;
            after = batch.Last!;
            await sink.SaveCheckpointAsync(new MigrationCheckpoint(table.Table, after, skipped + copied, source.Fingerprint), ct);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {table.Table} -> {table.Collection}: {skipped + copied} of {total} rows"));
            if (batch.Documents.Count < batchSize)
                break;
        }
        if (copied == 0)
            await progress.WriteLineAsync($"  {table.Table}: nothing new to copy.");
        return (copied, skipped, total);
    }
}

/// <summary>One table's outcome: rows copied by this run, rows an earlier run had copied, and the two counts compared.</summary>
public sealed record TableResult(string Table, string Collection, long Copied, long Skipped, long SourceCount, long TargetCount)
{
    public bool Ok => SourceCount == TargetCount;

    /// <summary>What the counts cover beyond the table's rows and the collection's documents (a derived table, a second source), for the summary.</summary>
    public string? Note { get; init; }
}

/// <summary>The per-table summary of a copy; it succeeded only when every table's counts match.</summary>
public sealed record CopyReport(IReadOnlyList<TableResult> Tables)
{
    public bool Succeeded => Tables.All(t => t.Ok);

    /// <summary>0 when every count matches, 1 otherwise.</summary>
    public int ExitCode => Succeeded ? 0 : 1;

    public async Task WriteAsync(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var width = Math.Max("table -> collection".Length, Tables.Select(t => t.Table.Length + t.Collection.Length + 4).DefaultIfEmpty(0).Max());
        await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{"table -> collection".PadRight(width)} {"copied",10} {"skipped",10} {"source",10} {"target",10}  result"));
        foreach (var t in Tables)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{$"{t.Table} -> {t.Collection}".PadRight(width)} {t.Copied,10} {t.Skipped,10} {t.SourceCount,10} {t.TargetCount,10}  {(t.Ok ? "OK" : "MISMATCH")}{(t.Note is null ? "" : $"  ({t.Note})")}"));
        }
        var mismatched = Tables.Where(t => !t.Ok).Select(t => t.Table).ToList();
        await writer.WriteLineAsync(mismatched.Count == 0
            ? "All counts match."
            : $"MISMATCH in {string.Join(", ", mismatched)}: the target does not hold exactly the source's rows. Run the copy again; if a mismatch stays, compare those collections with their tables.");
    }
}
