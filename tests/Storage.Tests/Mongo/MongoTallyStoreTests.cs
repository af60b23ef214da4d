using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo;

/// <summary>The tally store contract against MongoDB, on a database of its own (skipped, with the reason, when no MongoDB is configured).</summary>
[MongoContract]
public sealed class MongoTallyStoreTests(MongoFixture mongo) : TallyStoreContract, IClassFixture<MongoFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(mongo.Stores);
}
