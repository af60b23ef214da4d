using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The sign-in link store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteEmailChallengeStoreTests(SqliteFixture sqlite) : EmailChallengeStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
