using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo;

/// <summary>The backlog store contract against MongoDB, on a database of its own (skipped, with the reason, when no MongoDB is configured).</summary>
[MongoContract]
public sealed class MongoBacklogStoreTests(MongoFixture mongo) : BacklogStoreContract, IClassFixture<MongoFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(mongo.Stores);
}
