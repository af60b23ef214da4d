using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The follow-up and unsubscribe contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteFollowUpStoreTests(SqliteFixture sqlite) : FollowUpStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
