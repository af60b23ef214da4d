using Engagement.Storage.Mongo;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the feed and follow-up writes send inside a contribution's transaction.</summary>
public sealed class TextFeedQueriesTests
{
    [Fact]
    public void Renders_the_feed_counter_and_follow_up_writes()
    {
        Approved.Matches("TextFeed/Counter", Rendered.Of(TextFeed.Queries.Counter(TextFeed.Counter)));
        Approved.Matches("TextFeed/NextValue", Rendered.Of(TextFeed.Queries.NextValue()));
        var (filter, update) = FollowUpWrites.Queries.InsertIfAbsent(Samples.FollowUp());
        Approved.Matches("FollowUpWrites/InsertIfAbsent.filter", Rendered.Of(filter));
        Approved.Matches("FollowUpWrites/InsertIfAbsent.update", Rendered.Of(update));
    }
}
