using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The term list store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteTermListStoreTests(SqliteFixture sqlite) : TermListStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
