using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The theme store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteThemeStoreTests(SqliteFixture sqlite) : ThemeStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
