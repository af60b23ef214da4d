using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The outbox contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteOutboxStoreTests(SqliteFixture sqlite) : OutboxStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
