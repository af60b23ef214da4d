using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The tally store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteTallyStoreTests(SqliteFixture sqlite) : TallyStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
