using Engagement.Storage.Mongo;
using MongoDB.Bson;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>Every index the adapter creates at start-up, as checked in, plus the rules some of them exist for.</summary>
public sealed class IndexTests
{
    [Fact]
    public void The_indexes_created_at_start_up_are_those_checked_in()
    {
        Approved.Matches("Indexes", new BsonArray(MongoSchema.Indexes.Select(i => i.Render())));
    }

    [Fact]
    public void Index_names_are_unique_within_each_collection()
    {
        var duplicates = MongoSchema.Indexes.GroupBy(i => (i.Collection, i.Name)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_index_is_on_a_declared_collection()
    {
        var declared = typeof(MongoSchema.Collections).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        Assert.All(MongoSchema.Indexes, i => Assert.Contains(i.Collection, declared));
    }

    [Fact]
    public void Ttl_indexes_have_a_single_date_key()
    {
        Assert.All(MongoSchema.Indexes.Where(i => i.ExpireAfter is not null), i =>
        {
            Assert.Equal(1, i.Keys.ElementCount);
            Assert.EndsWith(".at", i.Keys.GetElement(0).Name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Follow_up_addresses_expire_on_the_server_at_their_expiry()
    {
        Assert.Contains(MongoSchema.Indexes, i => i.Collection == MongoSchema.Collections.FollowUps && i.ExpireAfter == TimeSpan.Zero);
    }
}
