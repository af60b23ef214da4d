using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The backlog store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteBacklogStoreTests(SqliteFixture sqlite) : BacklogStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
