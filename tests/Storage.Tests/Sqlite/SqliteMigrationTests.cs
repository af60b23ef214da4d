using Engagement.Core.Common;
using Engagement.Core.Surveys;
using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;
using Microsoft.Data.Sqlite;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>Files written by earlier releases are migrated in place, keeping their data; new queries are served by indexes.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string _directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "engagement-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteDatabase> _opened = [];

    public SqliteMigrationTests() => Directory.CreateDirectory(_directory);

    private string FilePath => System.IO.Path.Combine(_directory, "engagement.db");

    public void Dispose()
    {
        foreach (var db in _opened)
            db.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task InitializeAsync_migrates_a_version_1_file_keeping_its_surveys_and_filling_consultation_id()
    {
        var attached = Make.Survey(Ids.New());
        var unattached = Make.Survey(Ids.New()) with { ConsultationId = null };
        // A file as the release with only migration 1 left it, surveys written the way that release wrote them.
        using (var v1 = Connect())
        {
            Execute(v1, Migrations.Script(1) + "PRAGMA user_version = 1;");
            foreach (var survey in new[] { attached, unattached })
            {
                using var insert = v1.Command("""
                    INSERT INTO surveys (id, organisation_id, slug, status, created_ticks, version, doc)
                    VALUES (@id, @organisation_id, @slug, @status, @created_ticks, @version, @doc)
                    """)
                    .With("@id", survey.Id)
                    .With("@organisation_id", survey.OrganisationId)
                    .With("@slug", survey.Slug)
                    .With("@status", survey.Status.ToString())
                    .With("@created_ticks", survey.CreatedAt.Ticks())
                    .With("@version", survey.Version)
                    .With("@doc", StorageJson.Serialize(survey));
                insert.ExecuteNonQuery();
            }
        }

        var db = await OpenInitializedAsync();

        using (var migrated = Connect())
        {
            Assert.Equal(Migrations.Latest, Scalar<long>(migrated, "PRAGMA user_version"));
            Assert.Equal(attached.ConsultationId, Scalar<string>(migrated, "SELECT consultation_id FROM surveys WHERE id = @id", attached.Id));
            Assert.Equal(DBNull.Value, Scalar<object>(migrated, "SELECT consultation_id FROM surveys WHERE id = @id", unattached.Id));
        }
        var surveys = new SqliteSurveyStore(db);
        Same.Equal(attached, await surveys.GetAsync(attached.Id));
        Same.Equal(unattached, await surveys.GetAsync(unattached.Id));
        Same.Sequence([attached], await surveys.ListByConsultationAsync(attached.ConsultationId!));
        Assert.True(await db.IsHealthyAsync());
    }

    [Fact]
    public async Task InitializeAsync_on_a_version_1_file_adds_the_staff_and_api_token_tables()
    {
        using (var v1 = Connect())
            Execute(v1, Migrations.Script(1) + "PRAGMA user_version = 1;");

        var db = await OpenInitializedAsync();

        var stores = SqliteFixture.For(db);
        Assert.False(await stores.Staff.AnyAsync());
        Assert.True(await stores.Staff.TryAddAsync(Make.Staff()));
        Assert.True(await stores.ApiTokens.TryAddAsync(Make.ApiToken(Ids.New())));
    }

    [Fact]
    public async Task InitializeAsync_on_a_version_5_file_adds_the_comment_reports_table()
    {
        using (var v5 = Connect())
            Execute(v5, string.Concat(Enumerable.Range(1, 5).Select(Migrations.Script)) + "PRAGMA user_version = 5;");

        var db = await OpenInitializedAsync();

        var reports = SqliteFixture.For(db).CommentReports;
        var report = new Core.Moderation.CommentReport { CommentId = Ids.New(), ParticipantId = Ids.New(), Reason = Core.Moderation.ReportReason.OffTopic, At = Make.T0 };
        Assert.True(await reports.TryAddAsync(report));
        Assert.False(await reports.TryAddAsync(report));
        Assert.Equal(1, (await reports.CountAsync(report.CommentId, Make.T0))[Core.Moderation.ReportReason.OffTopic]);
    }

    [Fact]
    public async Task InitializeAsync_on_a_version_6_file_fills_the_comment_status_of_its_ratings()
    {
        var held = Make.Rating(Ids.New(), Ids.New(), 1) with { CommentStatus = Core.Comments.CommentStatus.Held };
        var published = Make.Rating(held.OrganisationId, held.ServiceId, 5) with { CommentStatus = Core.Comments.CommentStatus.Published };
        using (var v6 = Connect())
        {
            Execute(v6, string.Concat(Enumerable.Range(1, 6).Select(Migrations.Script)) + "PRAGMA user_version = 6;");
            foreach (var rating in new[] { held, published })
            {
                using var insert = v6.Command("INSERT INTO ratings (id, service_id, created_ticks, doc) VALUES (@id, @service_id, @created_ticks, @doc)")
                    .With("@id", rating.Id).With("@service_id", rating.ServiceId).With("@created_ticks", rating.CreatedAt.Ticks())
                    .With("@doc", StorageJson.Serialize(rating));
                insert.ExecuteNonQuery();
            }
        }

        var db = await OpenInitializedAsync();

        var page = await SqliteFixture.For(db).Ratings.ListHeldCommentsAsync(Make.T0.AddDays(1), PageRequest.First(10));
        Same.Sequence([held], page.Items);
    }

    [Theory]
    [InlineData("SELECT doc FROM comments WHERE status IN ('Held', 'Hidden') AND created_ticks < 9 AND (created_ticks, id) > (0, '') ORDER BY created_ticks, id", "ix_comments_awaiting_review")]
    [InlineData("SELECT doc FROM ratings WHERE comment_status = 'Held' AND created_ticks < 9 AND (created_ticks, id) > (0, '') ORDER BY created_ticks, id", "ix_ratings_held_comments")]
    [InlineData("SELECT doc FROM surveys WHERE consultation_id = 'c' ORDER BY created_ticks, id", "ix_surveys_consultation")]
    [InlineData("SELECT doc FROM api_tokens WHERE organisation_id = 'o' ORDER BY created_ticks DESC, id DESC", "ix_api_tokens_organisation")]
    [InlineData("SELECT doc FROM api_tokens WHERE token_hash = 'h'", "sqlite_autoindex_api_tokens")]
    [InlineData("SELECT doc FROM staff WHERE email = 'e'", "sqlite_autoindex_staff")]
    [InlineData("SELECT doc FROM staff WHERE external_subject = 's'", "sqlite_autoindex_staff")]
    [InlineData("SELECT s.doc FROM staff_grants g JOIN staff s ON s.id = g.staff_id WHERE g.organisation_id = 'o' ORDER BY s.email", "PRIMARY KEY")]
    [InlineData("SELECT reason, COUNT(*) FROM comment_reports WHERE comment_id = 'c' AND at_ticks >= 0 GROUP BY reason", "PRIMARY KEY")]
    public async Task New_queries_search_an_index_instead_of_scanning_the_table(string query, string index)
    {
        await OpenInitializedAsync();
        using var connection = Connect();

        using var explain = connection.Command("EXPLAIN QUERY PLAN " + query);
        using var reader = explain.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
            steps.Add(reader.GetString(3));

        Assert.Contains(steps, s => s.StartsWith("SEARCH", StringComparison.Ordinal) && s.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.StartsWith("SCAN", StringComparison.Ordinal));
    }

    private async Task<SqliteDatabase> OpenInitializedAsync()
    {
        var db = new SqliteDatabase(FilePath);
        _opened.Add(db);
        await db.InitializeAsync();
        return db;
    }

    // A connection outside the adapter, as an older release or an operator's sqlite3 shell would open the file.
    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.Command(sql);
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(SqliteConnection connection, string sql, string? id = null)
    {
        using var command = connection.Command(sql).With("@id", id);
        return (T)command.ExecuteScalar()!;
    }
}
