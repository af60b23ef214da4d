using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The comment store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteCommentStoreTests(SqliteFixture sqlite) : CommentStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
