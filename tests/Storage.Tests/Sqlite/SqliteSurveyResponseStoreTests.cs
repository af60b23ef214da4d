using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The surveyResponse store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteSurveyResponseStoreTests(SqliteFixture sqlite) : SurveyResponseStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
