using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The webhook store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteWebhookStoreTests(SqliteFixture sqlite) : WebhookStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
