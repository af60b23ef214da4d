using System.Security.Cryptography;
using Engagement.Core.Comments;
using Engagement.Core.Screening;
using Engagement.Storage.Migration;
using Engagement.Storage.Mongo;
using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace Engagement.Storage.Tests.Migration;

/// <summary>
/// The copy from a real SQLite file (written through the SQLite stores) into an in-memory sink: every record arrives whole,
/// in checkpointed batches, resumably and idempotently, counts are verified, and unplanned data or a wrong schema is refused.
/// </summary>
public sealed class StoreCopyTests
{
    private static readonly MigrationPlan Plan = MigrationPlan.Engagement();
    private const string FeedCounter = Storage.Mongo.TextFeed.Counter;

    [Fact]
    public async Task Every_record_arrives_whole_as_its_class_map_reads_it_back()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();

        var report = await CopyAsync(file.Path, sink, batch: 2);

        Assert.True(report.Succeeded, Output(report));
        Assert.Equal(Plan.Entries.Select(t => t.Table), report.Tables.Select(t => t.Table));
        foreach (var seeded in file.Records)
        {
            var stored = sink.Collection(seeded.Collection).GetValueOrDefault(seeded.Id);
            Assert.True(stored is not null, $"{seeded.Table} row {seeded.Id} is not in {seeded.Collection}.");
            var back = BsonSerializer.Deserialize(stored, seeded.Record.GetType());
            typeof(Same).GetMethod(nameof(Same.Equal))!.MakeGenericMethod(seeded.Record.GetType()).Invoke(null, [seeded.Record, back]);
        }
        // Every planned table with rows was seeded, so a new plan entry without a seeded record fails here until it gets one.
        var seededTables = file.Records.Select(r => r.Table).ToHashSet();
        // The rest hold what writes cause beside the records, in the stores' own document shapes; the tests below check those.
        var auxiliary = new[]
        {
            "comment_reactions", "tallies", "text_feed", "participant_tokens", "staff_grants", "term_lists", "comment_reports", "checkpoints",
            "insight_texts", "backlog_events", "outbox", "email_suppressions",
        };
        Assert.All(Plan.Entries.Select(t => t.Table), t => Assert.True(seededTables.Contains(t) || auxiliary.Contains(t), $"No record of '{t}' is seeded."));
    }

    [Fact]
    public async Task Reactions_tallies_and_the_text_feed_arrive_in_their_mongo_shapes_and_the_feed_counter_continues_after_the_copied_sequence()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();

        Assert.True((await CopyAsync(file.Path, sink)).Succeeded);

        var reactions = sink.Collection(MongoSchema.Collections.Reactions).Values.Select(d => BsonSerializer.Deserialize<ReactionDocument>(d)).ToList();
        Assert.Equal([Reaction.Agree, Reaction.Disagree], reactions.Select(r => r.Reaction).Order());
        Assert.All(reactions, r => Assert.Equal(Make.T0.UtcTicks, r.At.UtcTicks, TimeSpan.FromSeconds(1).Ticks));

        var expectedTallies = Rows(file.Path, "SELECT scope, bucket, count FROM tallies")
            .Select(r => new TallyDocument(new TallyKey((string)r[0]!, (string)r[1]!), (long)r[2]!)).OrderBy(t => t.Id.Scope + "|" + t.Id.Bucket, StringComparer.Ordinal);
        var tallies = sink.Collection(MongoSchema.Collections.Tallies).Values.Select(d => BsonSerializer.Deserialize<TallyDocument>(d))
            .OrderBy(t => t.Id.Scope + "|" + t.Id.Bucket, StringComparer.Ordinal);
        Assert.NotEmpty(tallies);
        Assert.Equal(expectedTallies, tallies);

        var expectedFeed = Rows(file.Path, "SELECT seq, kind, target_id FROM text_feed ORDER BY seq")
            .Select(r => new FeedEntryDocument((long)r[0]!, Enum.Parse<TextKind>((string)r[1]!), (string)r[2]!)).ToList();
        var feed = sink.Collection(MongoSchema.Collections.TextFeed).Values.Select(d => BsonSerializer.Deserialize<FeedEntryDocument>(d)).OrderBy(e => e.Id);
        Assert.NotEmpty(expectedFeed);
        Assert.Equal(expectedFeed, feed);
        var counter = BsonSerializer.Deserialize<CounterDocument>(sink.Collection(MongoSchema.Collections.Counters)[FeedCounter]);
        Assert.Equal(expectedFeed[^1].Id, counter.Value);
    }

    [Fact]
    public async Task The_feed_counter_starts_past_sequences_sqlite_handed_out_and_deleted_and_is_never_lowered()
    {
        using var file = await SeededSqlite.CreateAsync();
        var highest = (long)Rows(file.Path, "SELECT MAX(seq) FROM text_feed")[0][0]!;
        SeededSqlite.Execute(file.Path, "DELETE FROM text_feed WHERE seq = (SELECT MAX(seq) FROM text_feed);");
        var sink = new FakeSink();
        sink.Collection(MongoSchema.Collections.Counters)["other"] = new BsonDocument { { "_id", "other" }, { "value", 1 } };

        Assert.True((await CopyAsync(file.Path, sink)).Succeeded);
        Assert.Equal(highest, sink.Collection(MongoSchema.Collections.Counters)[FeedCounter]["value"].ToInt64());

        // The application appended on Mongo after the copy; copying again must not take the counter back.
        sink.Collection(MongoSchema.Collections.Counters)[FeedCounter]["value"] = highest + 50;
        await CopyAsync(file.Path, sink);
        Assert.Equal(highest + 50, sink.Collection(MongoSchema.Collections.Counters)[FeedCounter]["value"].ToInt64());
    }

    [Fact]
    public async Task Rows_are_copied_in_batches_with_a_checkpoint_saved_after_each_batch_is_written()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();

        var report = await CopyAsync(file.Path, sink, batch: 2);

        Assert.Equal(5, file.Comments);
        var comments = sink.Log.Where(l => l.StartsWith("upsert comments ", StringComparison.Ordinal) || l.StartsWith("checkpoint comments ", StringComparison.Ordinal));
        Assert.Equal(["upsert comments 2", "checkpoint comments 2", "upsert comments 2", "checkpoint comments 4", "upsert comments 1", "checkpoint comments 5"], comments);
        Assert.Equal("prepare", sink.Log[0]);
        Assert.Equal(new TableResult("comments", "comments", 5, 0, 5, 5), report.Tables.Single(t => t.Table == "comments"));
        // The checkpoint is the key of the last row copied: the comments' largest id.
        var lastId = (string)Rows(file.Path, "SELECT MAX(id) FROM comments")[0][0]!;
        Assert.Equal(new BsonArray { lastId }, sink.Checkpoints["comments"].After);
    }

    [Fact]
    public async Task A_copy_that_failed_midway_resumes_from_its_checkpoint_and_copies_each_row_once()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink { FailUpsertAfter = 5 };

        await Assert.ThrowsAsync<IOException>(() => CopyAsync(file.Path, sink, batch: 2));
        var before = sink.Collections.Values.Sum(c => c.Count);
        sink.FailUpsertAfter = null;
        var report = await CopyAsync(file.Path, sink, batch: 2);

        Assert.True(report.Succeeded, Output(report));
        Assert.True(before > 0);
        Assert.Equal(before, report.Tables.Sum(t => t.Skipped));
        Assert.Equal(Copied(report).Sum(t => t.SourceCount), Copied(report).Sum(t => t.Copied + t.Skipped));
        // Nothing was read twice: each row reached the sink once over both runs.
        Assert.All(sink.Written, w => Assert.Equal(w.Value.Count, w.Value.Distinct().Count()));
        Assert.Equal(SnapshotOfOneRun(await CopyFreshAsync(file.Path)), SnapshotOfOneRun(sink));
    }

    [Fact]
    public async Task A_crash_between_a_batch_and_its_checkpoint_writes_that_batch_again_without_doubling_anything()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink { FailCheckpointAfter = 3 };

        await Assert.ThrowsAsync<IOException>(() => CopyAsync(file.Path, sink, batch: 2));
        sink.FailCheckpointAfter = null;
        var report = await CopyAsync(file.Path, sink, batch: 2);

        Assert.True(report.Succeeded, Output(report));
        // One batch (the fourth) was written by both runs; the target holds it once.
        Assert.Equal(Copied(report).Sum(t => t.SourceCount) + 2, sink.Written.Values.Sum(w => w.Count));
        Assert.Equal(report.Tables.Sum(t => t.SourceCount), report.Tables.Sum(t => t.TargetCount));
        Assert.Equal(SnapshotOfOneRun(await CopyFreshAsync(file.Path)), SnapshotOfOneRun(sink));
    }

    [Fact]
    public async Task Checkpoints_saved_while_copying_other_data_are_refused_until_they_are_dropped()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink { FailUpsertAfter = 5 };
        await Assert.ThrowsAsync<IOException>(() => CopyAsync(file.Path, sink, batch: 2));
        sink.FailUpsertAfter = null;
        // The application ran on the file in between and changed a comment the first run had already copied.
        var copied = sink.Collection("comments").Keys.First().AsString;
        SeededSqlite.Execute(file.Path, $"UPDATE comments SET doc = json_set(doc, '$.text', 'edited') WHERE id = '{copied}';");
        // File systems with coarse timestamps could keep the old time for a write this quick; a later run would not.
        File.SetLastWriteTimeUtc(file.Path, DateTime.UtcNow.AddMinutes(1));
        var written = sink.Log.Count;

        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => CopyAsync(file.Path, sink, batch: 2));

        Assert.Contains("organisations, services, consultations, comments", refused.Message, StringComparison.Ordinal);
        Assert.Contains("drop the migrationCheckpoints collection", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["prepare"], sink.Log.Skip(written));

        sink.Checkpoints.Clear();
        Assert.True((await CopyAsync(file.Path, sink, batch: 2)).Succeeded);
        Assert.Equal("edited", sink.Collection("comments")[copied]["text"].AsString);
    }

    [Fact]
    public async Task Running_the_copy_again_changes_nothing_with_or_without_its_checkpoints()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();
        await CopyAsync(file.Path, sink);
        var once = sink.Snapshot();

        var again = await CopyAsync(file.Path, sink);
        Assert.True(again.Succeeded);
        Assert.All(again.Tables, t => Assert.Equal(0, t.Copied));
        Assert.All(Copied(again), t => Assert.Equal(t.SourceCount, t.Skipped));
        Assert.Equal(once, sink.Snapshot());

        // Without checkpoints every row is written again over itself.
        sink.Checkpoints.Clear();
        var rewritten = await CopyAsync(file.Path, sink);
        Assert.True(rewritten.Succeeded);
        Assert.All(Copied(rewritten), t => Assert.Equal(t.SourceCount, t.Copied));
        Assert.Equal(once, sink.Snapshot());
    }

    [Fact]
    public async Task A_target_that_lost_a_document_is_reported_as_a_mismatch_and_fails_the_run()
    {
        using var file = await SeededSqlite.CreateAsync();
        var lost = file.Records.First(r => r.Table == "surveys").Id;
        var sink = new FakeSink { Drop = lost };
        var output = new StringWriter();

        var report = await CopyAsync(file.Path, sink, output: output);

        Assert.False(report.Succeeded);
        Assert.Equal(1, report.ExitCode);
        var surveys = report.Tables.Single(t => t.Table == "surveys");
        Assert.Equal((1L, 0L, false), (surveys.SourceCount, surveys.TargetCount, surveys.Ok));
        Assert.All(report.Tables.Where(t => t.Table != "surveys"), t => Assert.True(t.Ok, t.Table));
        Assert.Contains(output.ToString().Split('\n'), l => l.StartsWith("surveys -> surveys", StringComparison.Ordinal) && l.TrimEnd().EndsWith("MISMATCH", StringComparison.Ordinal));
        Assert.Contains("MISMATCH in surveys", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_holding_documents_the_source_does_not_have_is_a_mismatch_too()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();
        sink.Collection("organisations")["stray"] = new BsonDocument("_id", "stray");

        var report = await CopyAsync(file.Path, sink);

        var organisations = report.Tables.Single(t => t.Table == "organisations");
        Assert.Equal((1L, 2L, false), (organisations.SourceCount, organisations.TargetCount, organisations.Ok));
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task Rows_in_a_table_without_a_plan_make_the_copy_refuse_before_anything_is_written()
    {
        using var file = await SeededSqlite.CreateAsync();
        // A table a later schema might add, which this build's plan does not know.
        SeededSqlite.Execute(file.Path, """
            CREATE TABLE future_notes (id TEXT NOT NULL PRIMARY KEY, body TEXT NOT NULL);
            INSERT INTO future_notes VALUES ('n1', 'a'), ('n2', 'b');
            CREATE TABLE future_marks (id INTEGER PRIMARY KEY);
            INSERT INTO future_marks VALUES (1);
            """);
        var sink = new FakeSink();

        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => CopyAsync(file.Path, sink));

        Assert.Contains("future_notes (2 rows)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("future_marks (1 rows)", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("comments", refused.Message, StringComparison.Ordinal);
        Assert.False(sink.Prepared);
        Assert.Empty(sink.Log);
    }

    [Fact]
    public async Task An_empty_table_without_a_plan_does_not_stop_the_copy()
    {
        using var file = await SeededSqlite.CreateAsync();
        SeededSqlite.Execute(file.Path, "CREATE TABLE future_notes (id TEXT NOT NULL PRIMARY KEY);");
        var output = new StringWriter();

        var report = await CopyAsync(file.Path, new FakeSink(), output: output);

        Assert.True(report.Succeeded);
        Assert.Contains("future_notes: empty and without a plan", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_batch_size_is_between_1_and_10000()
    {
        using var file = await SeededSqlite.CreateAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CopyAsync(file.Path, new FakeSink(), batch: 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => CopyAsync(file.Path, new FakeSink(), batch: 10_001));
        Assert.True((await CopyAsync(file.Path, new FakeSink(), batch: 10_000)).Succeeded);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public async Task A_file_at_another_schema_version_is_refused(int offset)
    {
        using var file = await SeededSqlite.CreateAsync();
        var version = Migrations.Latest + offset;
        SeededSqlite.Execute(file.Path, $"PRAGMA user_version = {version};");

        var refused = Assert.Throws<MigrationRefusedException>(() => SqliteMigrationSource.Open(file.Path));

        Assert.Contains($"schema version {version}", refused.Message, StringComparison.Ordinal);
        Assert.Contains(file.Path, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_one_that_is_not_sqlite_is_refused_with_its_path()
    {
        var directory = Path.Combine(Path.GetTempPath(), "engagement-migration-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var missing = Path.Combine(directory, "missing.db");
            Assert.Contains(missing, Assert.Throws<MigrationRefusedException>(() => SqliteMigrationSource.Open(missing)).Message, StringComparison.Ordinal);
            Assert.False(File.Exists(missing));

            var text = Path.Combine(directory, "notes.db");
            File.WriteAllText(text, "not a database, just some text that is long enough to fill a header page......................................");
            Assert.Contains(text, Assert.Throws<MigrationRefusedException>(() => SqliteMigrationSource.Open(text)).Message, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_source_never_changes_the_sqlite_file()
    {
        using var file = await SeededSqlite.CreateAsync();
        var before = Hash(file.Path);

        await CopyAsync(file.Path, new FakeSink(), batch: 3);
        var crashing = new FakeSink { FailUpsertAfter = 2 };
        await Assert.ThrowsAsync<IOException>(() => CopyAsync(file.Path, crashing));

        Assert.Equal(before, Hash(file.Path));
        Assert.False(File.Exists(file.Path + "-journal"));
    }

    [Fact]
    public async Task The_source_reads_one_snapshot_and_does_not_block_writers()
    {
        using var file = await SeededSqlite.CreateAsync();
        using var source = SqliteMigrationSource.Open(file.Path);

        // Reading inside its snapshot while another connection writes: the source keeps its view and the writer is not blocked.
        var rows = await source.CountAsync("organisations", CancellationToken.None);
        SeededSqlite.Execute(file.Path, "DELETE FROM organisations;");
        Assert.Equal(rows, await source.CountAsync("organisations", CancellationToken.None));
    }

    [Fact]
    public void A_plan_that_puts_two_tables_in_one_collection_must_say_which_documents_are_whose()
    {
        static BsonDocument Convert(MigrationRow row) => new("_id", row.Text("id"));

        Assert.Throws<ArgumentException>(() => new MigrationPlan([new TablePlan("a", "shared", Convert), new TablePlan("b", "shared", Convert)]));
        Assert.Throws<ArgumentException>(() => new MigrationPlan([new TablePlan("a", "one", Convert), new TablePlan("a", "two", Convert)]));
        _ = new MigrationPlan(
        [
            new TablePlan("a", "shared", Convert) { TargetFilter = new BsonDocument("from", "a") },
            new TablePlan("b", "shared", Convert) { TargetFilter = new BsonDocument("from", "b") },
        ]);
    }

    // The tables whose rows are copied (derived ones copy nothing, so neither copy nor skip counts apply to them).
    private static IEnumerable<TableResult> Copied(CopyReport report) => report.Tables.Where(t => Plan.Find(t.Table) is TablePlan);

    private static async Task<CopyReport> CopyAsync(string path, FakeSink sink, int batch = StoreCopy.DefaultBatchSize, TextWriter? output = null)
    {
        using var source = SqliteMigrationSource.Open(path);
        return await new StoreCopy(source, sink, Plan, output ?? TextWriter.Null).RunAsync(batch);
    }

    private static async Task<FakeSink> CopyFreshAsync(string path)
    {
        var sink = new FakeSink();
        Assert.True((await CopyAsync(path, sink)).Succeeded);
        return sink;
    }

    // The documents and the final checkpoints' keys and totals: what two ways of reaching the end must agree on.
    private static string SnapshotOfOneRun(FakeSink sink) =>
        sink.Snapshot() + "\n" + string.Join("\n", sink.Checkpoints.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value.After} {c.Value.Copied}"));

    private static string Output(CopyReport report)
    {
        var writer = new StringWriter();
        report.WriteAsync(writer).GetAwaiter().GetResult();
        return writer.ToString();
    }

    private static List<object?[]> Rows(string path, string sql) => SqliteRows.Read(path, sql);

    private static string Hash(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
