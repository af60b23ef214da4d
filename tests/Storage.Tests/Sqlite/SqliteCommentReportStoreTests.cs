using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The comment report store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteCommentReportStoreTests(SqliteFixture sqlite) : CommentReportStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
