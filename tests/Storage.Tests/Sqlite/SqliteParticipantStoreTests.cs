using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The participant store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteParticipantStoreTests(SqliteFixture sqlite) : ParticipantStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
