using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo;

/// <summary>The comment report store contract against MongoDB, on a database of its own (skipped, with the reason, when no MongoDB is configured).</summary>
[MongoContract]
public sealed class MongoCommentReportStoreTests(MongoFixture mongo) : CommentReportStoreContract, IClassFixture<MongoFixture>
{
    protected override Task<StoreSet> CreateStoresAsync() => Task.FromResult(mongo.Stores);
}
