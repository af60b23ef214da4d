using Engagement.Storage.Sqlite;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>A migrated SQLite database on a fresh temporary file per test class, deleted afterwards.</summary>
public sealed class SqliteFixture : IAsyncLifetime
{
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
        new SqliteAuditLog(db));

    public Task InitializeAsync() => Database.InitializeAsync();

    public Task DisposeAsync()
    {
        Database.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}
