using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The drift alert store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteDriftAlertStoreTests(SqliteFixture sqlite) : DriftAlertStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
