using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The sentiment feed contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteSentimentFeedTests(SqliteFixture sqlite) : SentimentFeedContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
