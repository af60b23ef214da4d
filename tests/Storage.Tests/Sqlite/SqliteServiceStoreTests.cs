using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The service store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteServiceStoreTests(SqliteFixture sqlite) : ServiceStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
