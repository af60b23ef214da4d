using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Core.Tallies;
using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>What only the SQLite adapter promises: its file, schema, journal, locking and restart behaviour.</summary>
public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "engagement-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDatabase> _opened = [];

    private string FilePath => System.IO.Path.Combine(_directory, "nested", "engagement.db");

    public void Dispose()
    {
        foreach (var db in _opened)
            db.Dispose();
        if (Directory.Exists(_directory))
            Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Constructor_creates_the_missing_parent_directory()
    {
        Open();

        Assert.True(Directory.Exists(System.IO.Path.GetDirectoryName(FilePath)));
    }

    [Fact]
    public async Task InitializeAsync_twice_is_idempotent_and_leaves_user_version_at_SchemaVersion()
    {
        var db = Open();

        await db.InitializeAsync();
        await db.InitializeAsync();

        Assert.True(db.SchemaVersion >= 1);
        Assert.Equal(db.SchemaVersion, Scalar<long>("PRAGMA user_version"));
    }

    [Fact]
    public async Task InitializeAsync_from_two_instances_at_once_migrates_the_file_once()
    {
        var (first, second) = (Open(), Open());

        await Task.WhenAll(Task.Run(() => first.InitializeAsync()), Task.Run(() => second.InitializeAsync()));

        Assert.Equal(first.SchemaVersion, Scalar<long>("PRAGMA user_version"));
        Assert.Equal(1, Scalar<long>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'tallies'"));
    }

    [Fact]
    public async Task InitializeAsync_switches_the_file_to_write_ahead_logging()
    {
        await OpenInitializedAsync();

        Assert.Equal("wal", Scalar<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task InitializeAsync_refuses_a_file_written_by_a_newer_schema()
    {
        var db = await OpenInitializedAsync();
        Scalar<long>($"PRAGMA user_version = {db.SchemaVersion + 1}; SELECT 0");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Open().InitializeAsync());

        Assert.Contains("newer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IsHealthyAsync_is_true_once_initialised_and_false_before()
    {
        var db = Open();
        Assert.False(await db.IsHealthyAsync());

        await db.InitializeAsync();

        Assert.True(await db.IsHealthyAsync());
    }

    [Fact]
    public async Task Connections_sync_every_commit_fully_and_wait_for_a_busy_writer()
    {
        var db = await OpenInitializedAsync();

        var (synchronous, busyTimeout) = await db.ReadAsync(c => (Scalar<long>(c, "PRAGMA synchronous"), Scalar<long>(c, "PRAGMA busy_timeout")), default);

        Assert.Equal(2, synchronous); // FULL
        Assert.True(busyTimeout >= 1_000);
    }

    [Fact]
    public async Task Write_transactions_take_the_write_lock_at_BEGIN_before_writing_anything()
    {
        var db = await OpenInitializedAsync();

        var otherWriterResult = await db.WriteAsync(_ =>
        {
            using var other = new SqliteConnection($"Data Source={db.Path};Pooling=False");
            other.Open();
            // Straight to SQLite, so neither a busy timeout nor the provider's retry loop hides the answer.
            SQLitePCL.raw.sqlite3_busy_timeout(other.Handle, 0);
            return SQLitePCL.raw.sqlite3_exec(other.Handle, "BEGIN IMMEDIATE");
        }, default);

        Assert.Equal(SQLitePCL.raw.SQLITE_BUSY, otherWriterResult);
    }

    [Fact]
    public async Task A_write_another_process_locks_out_past_the_busy_timeout_fails_as_busy_stores_nothing_and_succeeds_once_released()
    {
        var db = await OpenInitializedAsync();
        var stores = SqliteFixture.For(db);
        var organisation = Make.Organisation();
        StoreUnavailableException refused;
        using (var other = new SqliteConnection($"Data Source={db.Path};Pooling=False"))
        {
            other.Open();
            using (var begin = other.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                begin.ExecuteNonQuery();
            }
            refused = await Assert.ThrowsAsync<StoreUnavailableException>(() => stores.Organisations.TryAddAsync(organisation));
        }

        Assert.Equal(StoreUnavailableReason.Busy, refused.Reason);
        Assert.IsType<SqliteException>(refused.InnerException);
        Assert.Null(await stores.Organisations.GetAsync(organisation.Id));
        Assert.True(await stores.Organisations.TryAddAsync(organisation));
    }

    [Fact]
    public async Task Reads_proceed_and_see_the_last_commit_while_a_write_is_under_way()
    {
        var db = await OpenInitializedAsync();
        var stores = SqliteFixture.For(db);
        var organisation = Make.Organisation();
        await stores.Organisations.TryAddAsync(organisation);

        var seenDuringWrite = await db.WriteAsync(tx =>
        {
            tx.Command("DELETE FROM organisations").Run();
            return stores.Organisations.GetAsync(organisation.Id).GetAwaiter().GetResult();
        }, default);

        Same.Equal(organisation, seenDuringWrite);
    }

    [Fact]
    public async Task Writes_acknowledged_by_one_instance_are_read_by_a_second_instance_after_a_restart()
    {
        var first = await OpenInitializedAsync();
        var stores = SqliteFixture.For(first);
        var organisation = Make.Organisation();
        var comment = Make.Comment(organisation.Id, Ids.New());
        var participantId = Ids.New();
        await stores.Organisations.TryAddAsync(organisation);
        await stores.Comments.TryAddAsync(comment);
        await stores.Comments.SetReactionAsync(comment.Id, participantId, Reaction.Agree, Make.T0);
        first.Dispose();

        var second = await OpenInitializedAsync();
        var reopened = SqliteFixture.For(second);

        Same.Equal(organisation, await reopened.Organisations.GetAsync(organisation.Id));
        Same.Equal(comment, await reopened.Comments.GetAsync(comment.Id));
        Assert.Equal(1, (await reopened.Tallies.GetAsync(TallyScopes.Comment(comment.Id)))[CommentTallies.Agree]);
        Assert.Equal(Reaction.Agree, (await reopened.Comments.GetReactionsAsync(participantId, [comment.Id]))[comment.Id]);
    }

    [Fact]
    public async Task Two_instances_writing_the_same_file_at_once_keep_one_response_per_participant()
    {
        var (first, second) = (await OpenInitializedAsync(), await OpenInitializedAsync());
        var (organisationId, surveyId, participantId) = (Ids.New(), Ids.New(), Ids.New());
        var stores = new[] { SqliteFixture.For(first), SqliteFixture.For(second) };

        // Each instance has its own write gate, as two processes would: SQLite's own lock must arbitrate.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => stores[i % 2].SurveyResponses.TryAddAsync(Make.Response(organisationId, surveyId, participantId)))));

        Assert.Single(results, r => r);
        Assert.Equal(1, (await stores[0].Tallies.GetAsync(TallyScopes.Survey(surveyId)))["responses"]);
    }

    [Fact]
    public async Task Values_with_SQL_metacharacters_are_stored_and_read_back_verbatim()
    {
        var db = await OpenInitializedAsync();
        var stores = SqliteFixture.For(db);
        const string Hostile = "'; DROP TABLE comments; -- \" ` ) OR 1=1 /* % _ \\ ' || '";
        var participant = Make.Anonymous(Hostile) with { Id = "id-" + Ids.New() + Hostile };
        var comment = Make.Comment(Hostile, Hostile + Ids.New(), participantId: participant.Id, id: Hostile + Ids.New()) with { Text = Hostile, Language = Hostile };

        Assert.True(await stores.Participants.TryAddAsync(participant));
        Assert.True(await stores.Comments.TryAddAsync(comment));
        await stores.Comments.SetReactionAsync(comment.Id, participant.Id, Reaction.Disagree, Make.T0);

        Same.Equal(participant, await stores.Participants.GetByTokenHashAsync(Hostile));
        Same.Equal(comment, await stores.Comments.GetAsync(comment.Id));
        Same.Sequence([comment], await stores.Comments.GetManyAsync([comment.Id, Hostile]));
        Same.Sequence([comment], (await stores.Comments.ListTopLevelAsync(comment.ConsultationId, null, PageRequest.First(5))).Items);
        Assert.Equal(1, (await stores.Tallies.GetAsync(TallyScopes.Comment(comment.Id)))[CommentTallies.Disagree]);
        Assert.Null(await stores.Organisations.GetBySlugAsync(Hostile));
        Assert.Equal(1, Scalar<long>("SELECT count(*) FROM sqlite_master WHERE name = 'comments'"));
    }

    private SqliteDatabase Open()
    {
        var db = new SqliteDatabase(FilePath);
        _opened.Add(db);
        return db;
    }

    private async Task<SqliteDatabase> OpenInitializedAsync()
    {
        var db = Open();
        await db.InitializeAsync();
        return db;
    }

    // A connection outside the adapter, as an operator's sqlite3 shell would see the file.
    private T Scalar<T>(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        return Scalar<T>(connection, sql);
    }

    private static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)command.ExecuteScalar()!;
    }
}
