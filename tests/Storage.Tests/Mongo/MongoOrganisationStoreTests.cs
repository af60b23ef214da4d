using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo;

/// <summary>The organisation store contract against MongoDB, on a database of its own (skipped, with the reason, when no MongoDB is configured).</summary>
[MongoContract]
public sealed class MongoOrganisationStoreTests(MongoFixture mongo) : OrganisationStoreContract, IClassFixture<MongoFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(mongo.Stores);
}
