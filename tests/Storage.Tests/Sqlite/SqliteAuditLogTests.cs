using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Sqlite;

/// <summary>The audit log contract against SQLite, on a database file of its own.</summary>
public sealed class SqliteAuditLogTests(SqliteFixture sqlite) : AuditLogContract, IClassFixture<SqliteFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(sqlite.Stores);
}
