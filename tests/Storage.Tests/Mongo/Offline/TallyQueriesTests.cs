using Engagement.Storage.Mongo;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the tally store and tally writes send, rendered and compared with the checked-in JSON.</summary>
public sealed class TallyQueriesTests
{
    [Fact]
    public void Renders_every_tally_query()
    {
        Approved.Matches("MongoTallyStore/OfScopes", Rendered.Of(MongoTallyStore.Queries.OfScopes(["consultation:c-1", "comment:c-2"])));
        Approved.Matches("MongoTallyStore/Largest", Rendered.Of(MongoTallyStore.Queries.Largest("service-page:s-1:", 10)));
        Approved.Matches("MongoTallyStore/Increment", Rendered.Of(MongoTallyStore.Queries.Increment("consultation:c-1", "comments.published", -1)));
    }

    [Fact]
    public void A_page_address_prefix_is_a_range_never_a_pattern()
    {
        var match = Rendered.Of(MongoTallyStore.Queries.Largest("service-page:s-1:https://x.gc.ca/a.b?c=$1", 5))[0]["$match"]["_id.scope"].AsBsonDocument;

        Assert.Equal("service-page:s-1:https://x.gc.ca/a.b?c=$1", match["$gte"].AsString);
        Assert.Equal("service-page:s-1:https://x.gc.ca/a.b?c=$2", match["$lt"].AsString);
    }
}
