using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The rating store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteRatingStoreTests(SqliteFixture sqlite) : RatingStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
