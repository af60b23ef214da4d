using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The staff store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteStaffStoreTests(SqliteFixture sqlite) : StaffStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);

    protected override Task<StoreSet> CreateEmptyStoresAsync() => sqlite.OpenEmptyAsync();
}
