using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The consultation store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteConsultationStoreTests(SqliteFixture sqlite) : ConsultationStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
