using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>A migrated SQLite database on a fresh temporary file per test class, deleted afterwards.</summary>
public sealed class SqliteFixture : IAsyncLifetime
{
    private readonly List<SqliteDatabase> _extra = [];

    public SqliteFixture()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "engagement-storage-tests", Guid.NewGuid().ToString("N"));
        Database = new SqliteDatabase(System.IO.Path.Combine(Directory, "engagement.db"));
        Stores = For(Database);
    }

    public string Directory { get; }

    public SqliteDatabase Database { get; }

    public StoreSet Stores { get; }

    public static StoreSet For(SqliteDatabase db) => new(
        new SqliteOrganisationStore(db),
        new SqliteServiceStore(db),
        new SqliteConsultationStore(db),
        new SqliteCommentStore(db),
        new SqliteSurveyStore(db),
        new SqliteSurveyResponseStore(db),
        new SqliteRatingStore(db),
        new SqliteParticipantStore(db),
        new SqliteTallyStore(db),
        new SqliteAuditLog(db),
        new SqliteStaffStore(db),
        new SqliteApiTokenStore(db),
        new SqliteWidgetKeyStore(db),
        new SqliteTermListStore(db),
        new SqliteModerationItemStore(db),
        new SqliteCommentReportStore(db),
        new SqliteSentimentFeed(db),
        new SqliteThemeStore(db),
        new SqliteDriftAlertStore(db),
        new SqliteBacklogStore(db),
        new SqliteOutboxStore(db),
        new SqliteFollowUpStore(db),
        new SqliteEmailSuppressionStore(db),
        new SqliteEmailChallengeStore(db),
        new SqliteWebhookStore(db));

    public Task InitializeAsync() => Database.InitializeAsync();

    /// <summary>
    /// Stores over another, empty database in this fixture's directory, for the few rules about a whole store
    /// ("whether any exists") that the shared database cannot show.
    /// </summary>
    public async Task<StoreSet> OpenEmptyAsync()
    {
        var db = new SqliteDatabase(System.IO.Path.Combine(Directory, $"empty-{Guid.NewGuid():N}.db"));
        lock (_extra)
            _extra.Add(db);
        await db.InitializeAsync();
        return For(db);
    }

    public Task DisposeAsync()
    {
        foreach (var db in _extra)
            db.Dispose();
        Database.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
