using Engagement.Storage.Sqlite;

namespace Engagement.Core.Tests.Support;

/// <summary>
/// One SQLite database on a fresh temporary file, shared by the tests of one class (each test works in its own
/// organisation, so they never see each other's data); the file is deleted when the class is done.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string FilePath { get; } = Path.Combine(Path.GetTempPath(), $"engagement-core-tests-{Guid.NewGuid():N}.db");

    public SqliteDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = new SqliteDatabase(FilePath);
        await Database.InitializeAsync();
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        // Pooled connections may still hold the file; release them so it can be removed.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var path in new[] { FilePath, FilePath + "-wal", FilePath + "-shm", FilePath + "-journal" })
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // A leftover temporary file is harmless; never fail a test run over it.
            }
        }
        return Task.CompletedTask;
    }
}
