using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The moderation item store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteModerationItemStoreTests(SqliteFixture sqlite) : ModerationItemStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
