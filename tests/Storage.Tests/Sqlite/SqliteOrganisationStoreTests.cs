using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The organisation store contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteOrganisationStoreTests(SqliteFixture sqlite) : OrganisationStoreContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
