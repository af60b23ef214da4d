using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The survey store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteSurveyStoreTests(SqliteFixture sqlite) : SurveyStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
