using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The widget key store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteWidgetKeyStoreTests(SqliteFixture sqlite) : WidgetKeyStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
