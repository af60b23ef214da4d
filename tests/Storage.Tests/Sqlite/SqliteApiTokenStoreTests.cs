using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The API token store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteApiTokenStoreTests(SqliteFixture sqlite) : ApiTokenStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
