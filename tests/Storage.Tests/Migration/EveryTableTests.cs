using Engagement.Core.Email;
using Engagement.Core.Moderation;
using Engagement.Core.Staff;
using Engagement.Storage.Migration;
using Engagement.Storage.Mongo;
using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;
using Engagement.Storage.Tests.Sqlite;
using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using Collections = Engagement.Storage.Mongo.MongoSchema.Collections;

namespace Engagement.Storage.Tests.Migration;

/// <summary>
/// Every table of the SQLite schema has a plan entry, a seeded file with rows in all of them copies with every count OK,
/// and what each table becomes reads back, through the Mongo store's own document types, as the SQLite store returns it.
/// </summary>
public sealed class EveryTableTests
{
    private static readonly MigrationPlan Plan = MigrationPlan.Engagement();

    [Fact]
    public async Task Every_table_of_the_sqlite_schema_has_a_plan_entry()
    {
        // The schema as the SQLite adapter creates it, read from sqlite_master, not as the seeding happens to fill it: a
        // table added by a later script fails here until the plan says how it is copied or derived.
        var directory = Path.Combine(Path.GetTempPath(), "engagement-migration-tests", Guid.NewGuid().ToString("N"));
        var path = Path.Combine(directory, "schema.db");
        List<string> tables;
        try
        {
            using (var db = new SqliteDatabase(path))
                await db.InitializeAsync();
            tables = Rows(path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").Select(r => (string)r[0]!).ToList();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

        Assert.Contains("participant_tokens", tables);
        Assert.All(tables, t => Assert.True(Plan.Find(t) is not null, $"The SQLite table '{t}' has no migration plan entry."));
        Assert.All(Plan.Entries, e => Assert.Contains(e.Table, tables));
    }

    [Fact]
    public async Task A_file_with_rows_in_every_table_copies_with_every_count_ok()
    {
        using var file = await SeededSqlite.CreateAsync();
        var empty = SeededSqlite.Tables(file.Path).Where(t => Count(file.Path, $"SELECT COUNT(*) FROM \"{t}\"") == 0).ToList();
        Assert.Empty(empty);
        var output = new StringWriter();

        var report = await CopyAsync(file.Path, new FakeSink(), output);

        Assert.True(report.Succeeded, output.ToString());
        Assert.All(report.Tables, t => Assert.True(t.Ok && t.SourceCount > 0, $"{t.Table}: {t.SourceCount} rows, {t.TargetCount} documents."));
        Assert.Contains("All counts match.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(output.ToString().Split('\n'), l => l.StartsWith("staff_grants -> staff", StringComparison.Ordinal) && l.Contains("OK  (derived", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_token_hash_first_ones_included_finds_its_participant_as_the_sqlite_store_does()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();
        Assert.True((await CopyAsync(file.Path, sink)).Succeeded);
        using var db = Open(file.Path);
        var stores = SqliteFixture.For(db);

        var tokens = Documents<ParticipantTokenDocument>(sink, Collections.ParticipantTokens);
        var first = Rows(file.Path, "SELECT token_hash FROM participants WHERE token_hash IS NOT NULL").Select(r => (string)r[0]!).ToList();
        var added = Rows(file.Path, "SELECT token_hash, created_ticks FROM participant_tokens").ToDictionary(r => (string)r[0]!, r => (long)r[1]!);
        Assert.NotEmpty(first);
        Assert.NotEmpty(added);
        Assert.Equal(first.Concat(added.Keys).Order(StringComparer.Ordinal), tokens.Select(t => t.Id).Order(StringComparer.Ordinal));
        foreach (var token in tokens)
        {
            var participant = await stores.Participants.GetByTokenHashAsync(token.Id);
            Assert.NotNull(participant);
            Assert.Equal(participant.Id, token.ParticipantId);
            // The first token is claimed when the participant is made (as the Mongo store claims it); a later one when it was added.
            var at = first.Contains(token.Id) ? participant.CreatedAt : new DateTimeOffset(added[token.Id], TimeSpan.Zero);
            Same.Equal(at, token.CreatedAt);
        }
    }

    [Fact]
    public async Task A_copy_stopped_inside_the_tokens_resumes_across_both_tables_and_writes_each_token_once()
    {
        using var file = await SeededSqlite.CreateAsync();
        // One row a batch: stop after the first token, so the next run resumes from a checkpoint key inside the union.
        var before = Plan.Tables.TakeWhile(t => t.Table != "participant_tokens").Sum(t => Count(file.Path, $"SELECT COUNT(*) FROM \"{t.Table}\""));
        var sink = new FakeSink { FailUpsertAfter = (int)before + 1 };
        await Assert.ThrowsAsync<IOException>(() => CopyAsync(file.Path, sink, batch: 1));
        Assert.Single(sink.Collection(Collections.ParticipantTokens));

        sink.FailUpsertAfter = null;
        var report = await CopyAsync(file.Path, sink, batch: 1);

        var tokens = report.Tables.Single(t => t.Table == "participant_tokens");
        Assert.Equal((2L, 1L, 3L, 3L), (tokens.Copied, tokens.Skipped, tokens.SourceCount, tokens.TargetCount));
        Assert.Equal(3, sink.Written[Collections.ParticipantTokens].Distinct().Count());
        Assert.Equal(3, sink.Written[Collections.ParticipantTokens].Count);
    }

    [Fact]
    public async Task Staff_grants_are_verified_against_the_grants_of_the_copied_staff_documents()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();
        var report = await CopyAsync(file.Path, sink);
        using var db = Open(file.Path);
        var stores = SqliteFixture.For(db);

        var grants = report.Tables.Single(t => t.Table == "staff_grants");
        Assert.Equal((0L, 0L, 3L, 3L, true), (grants.Copied, grants.Skipped, grants.SourceCount, grants.TargetCount, grants.Ok));
        // What the Mongo store lists per organisation (members with a grant there, by email) is what SQLite lists from the table.
        var staff = Documents<StaffMember>(sink, Collections.Staff);
        foreach (var organisationId in staff.SelectMany(m => m.Grants).Select(g => g.OrganisationId).Distinct())
        {
            var listed = staff.Where(m => m.Grants.Any(g => g.OrganisationId == organisationId)).OrderBy(m => m.Email, StringComparer.Ordinal);
            Same.Sequence(await stores.Staff.ListByOrganisationAsync(organisationId), listed);
        }

        // A grant row the staff documents do not account for is a mismatch, never passed over.
        SeededSqlite.Execute(file.Path, $"INSERT INTO staff_grants (organisation_id, staff_id) VALUES ('stray', '{staff[0].Id}');");
        var stray = (await CopyAsync(file.Path, new FakeSink())).Tables.Single(t => t.Table == "staff_grants");
        Assert.Equal((4L, 3L, false), (stray.SourceCount, stray.TargetCount, stray.Ok));
    }

    [Fact]
    public async Task Term_lists_reports_suppressions_and_checkpoints_read_back_as_the_sqlite_stores_return_them()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();
        Assert.True((await CopyAsync(file.Path, sink)).Succeeded);
        using var db = Open(file.Path);
        var stores = SqliteFixture.For(db);

        var lists = Documents<TermList>(sink, Collections.TermLists).OrderBy(l => l.Kind.ToString(), StringComparer.Ordinal).ThenBy(l => l.Language, StringComparer.Ordinal);
        Same.Sequence(await stores.TermLists.ListAsync(file.OrganisationId), lists);
        Assert.All(sink.Collection(Collections.TermLists).Values, d => Assert.Equal(BsonType.Document, d["_id"].BsonType));

        var reports = Documents<CommentReportDocument>(sink, Collections.CommentReports);
        Assert.Equal(2, reports.Count);
        foreach (var commentId in reports.Select(r => r.Id.CommentId).Distinct())
        {
            var counted = reports.Where(r => r.Id.CommentId == commentId).GroupBy(r => r.Reason).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(await stores.CommentReports.CountAsync(commentId, DateTimeOffset.MinValue), counted);
        }
        var reportTicks = Rows(file.Path, "SELECT comment_id, participant_id, at_ticks FROM comment_reports").ToDictionary(r => ((string)r[0]!, (string)r[1]!), r => (long)r[2]!);
        Assert.All(reports, r => Assert.Equal(reportTicks[(r.Id.CommentId, r.Id.ParticipantId)], r.At.UtcTicks));

        var suppressions = Documents<SuppressionDocument>(sink, Collections.EmailSuppressions);
        Assert.Equal(2, suppressions.Count);
        foreach (var suppression in suppressions)
            Assert.Contains(suppression.Id.AddressHash, await stores.EmailSuppressions.SuppressedAsync(suppression.Id.List, [suppression.Id.AddressHash]));
        Assert.Equal([Make.T0.UtcTicks, Make.T0.AddDays(1).UtcTicks], suppressions.Select(s => s.At.UtcTicks).Order());

        var checkpoints = sink.Collection(Collections.Checkpoints);
        Assert.Equal(2, checkpoints.Count);
        Assert.Equal(await stores.SentimentFeed.GetCheckpointAsync(), BsonSerializer.Deserialize<SentimentCheckpointDocument>(checkpoints[MongoSentimentFeed.Checkpoint]).Value);
        Assert.Equal(await stores.Webhooks.GetFanOutCheckpointAsync(), BsonSerializer.Deserialize<FanOutCheckpointDocument>(checkpoints[MongoWebhookStore.FanOut]).Value);
    }

    [Fact]
    public async Task Insight_texts_backlog_events_and_the_outbox_read_back_as_the_sqlite_stores_return_them_and_the_event_counter_continues()
    {
        using var file = await SeededSqlite.CreateAsync();
        var sink = new FakeSink();
        Assert.True((await CopyAsync(file.Path, sink)).Succeeded);
        using var db = Open(file.Path);
        var stores = SqliteFixture.For(db);

        var texts = Documents<InsightTextDocument>(sink, Collections.InsightTexts);
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Equal(t.ToPublicText().Key, t.Id));
        Same.Sequence(await stores.Themes.ListRecentTextsAsync(file.OrganisationId, 100),
            texts.Select(t => t.ToPublicText()).OrderByDescending(t => t.At.UtcTicks).ThenByDescending(t => t.TargetId, StringComparer.Ordinal));
        Assert.Equal(await stores.Themes.WatermarkAsync(file.OrganisationId), texts.Max(t => t.Changed));

        var events = Documents<BacklogEventDocument>(sink, Collections.BacklogEvents).OrderBy(e => e.Id).Select(e => e.ToEvent()).ToList();
        Assert.Equal(2, events.Count);
        Same.Sequence(await stores.Backlog.ReadEventsAsync(0, 100), events);
        Assert.Equal(events[^1].Sequence, sink.Collection(Collections.Counters)[MongoBacklogStore.EventCounter]["value"].ToInt64());

        var outbox = Documents<OutboxDocument>(sink, Collections.Outbox);
        Assert.Equal(Count(file.Path, "SELECT COUNT(*) FROM outbox"), outbox.Count);
        Assert.Contains(outbox, d => d.Status == OutboxStatus.Sent && d.SentAt is not null);
        Assert.Contains(outbox, d => d.Status == OutboxStatus.Pending && d.LastError is not null);
        foreach (var document in outbox)
            Same.Equal(await stores.Outbox.GetAsync(document.Id), document.ToEntry());
    }

    [Fact]
    public async Task A_checkpoint_no_store_reads_stops_the_copy_with_a_refusal_that_names_it()
    {
        using var file = await SeededSqlite.CreateAsync();
        SeededSqlite.Execute(file.Path, "INSERT INTO checkpoints (name, value) VALUES ('retired-job', 9);");

        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => CopyAsync(file.Path, new FakeSink()));

        Assert.Contains("'checkpoints'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("retired-job", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<CopyReport> CopyAsync(string path, FakeSink sink, TextWriter? output = null, int batch = 2)
    {
        using var source = SqliteMigrationSource.Open(path);
        return await new StoreCopy(source, sink, Plan, output ?? TextWriter.Null).RunAsync(batch);
    }

    private static List<T> Documents<T>(FakeSink sink, string collection) =>
        sink.Collection(collection).Values.Select(d => BsonSerializer.Deserialize<T>(d)).ToList();

    // The SQLite stores over the copied file, opened after the copy so their reads are what the copy read.
    private static SqliteDatabase Open(string path) => new(path);

    private static long Count(string path, string sql) => (long)Rows(path, sql)[0][0]!;

    private static List<object?[]> Rows(string path, string sql) => SqliteRows.Read(path, sql);
}
