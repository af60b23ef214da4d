using Engagement.Core.Backlog;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the backlog store sends, rendered and compared with the checked-in JSON; staff text stays a value.</summary>
public sealed class BacklogQueriesTests
{
    [Fact]
    public void Renders_every_backlog_query()
    {
        Approved.Matches("MongoBacklogStore/ById", Rendered.Of(MongoBacklogStore.Queries.ById("b-1")));
        Approved.Matches("MongoBacklogStore/AtVersion", Rendered.Of(MongoBacklogStore.Queries.AtVersion("b-1", "org-1", 3)));
        Approved.Matches("MongoBacklogStore/Board.any", Rendered.Of(MongoBacklogStore.Queries.Board("org-1", null)));
        Approved.Matches("MongoBacklogStore/Board.accepted", Rendered.Of(MongoBacklogStore.Queries.Board("org-1", BacklogStatus.Accepted)));
        Approved.Matches("MongoBacklogStore/Newest", Rendered.Of(MongoBacklogStore.Queries.Newest()));
        Approved.Matches("MongoBacklogStore/EventsAfter", Rendered.Of(MongoBacklogStore.Queries.EventsAfter(41)));
        Approved.Matches("MongoBacklogStore/EventOrder", Rendered.Of(MongoBacklogStore.Queries.EventOrder()));
        Approved.Matches("MongoBacklogStore/Counter", Rendered.Of(MongoBacklogStore.Queries.Counter()));
        Approved.Matches("MongoBacklogStore/NextSequence", Rendered.Of(MongoBacklogStore.Queries.NextSequence()));
        Approved.Matches("MongoBacklogStore/FollowUps", Rendered.Of(MongoBacklogStore.Queries.FollowUps(["f-1", "f-2", "f-1"])));
        Approved.Matches("MongoBacklogStore/BacklogItem.document", Rendered.Document(Samples.BacklogItem()));
        Approved.Matches("MongoBacklogStore/BacklogEvent.document",
            Rendered.Document(new BacklogEventDocument(9, BacklogEventKind.StatusChanged, BacklogStatus.InProgress, Samples.BacklogItem(), Make.T0.AddDays(1))));
    }

    [Theory]
    [MemberData(nameof(InsightsQueriesTests.Hostile), MemberType = typeof(InsightsQueriesTests))]
    public void Operator_text_from_staff_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var item = Samples.BacklogItem() with
        {
            Id = hostile, OrganisationId = hostile, Title = hostile, Description = hostile, PublicNote = hostile, OwnerId = hostile,
            Evidence = [Samples.BacklogItem().Evidence[0] with { TargetId = hostile, Excerpt = hostile, AddedBy = hostile }],
        };

        var stored = Rendered.Document(item);
        var atVersion = Rendered.Of(MongoBacklogStore.Queries.AtVersion(hostile, hostile, 1));
        var board = Rendered.Of(MongoBacklogStore.Queries.Board(hostile, null));
        var followUps = Rendered.Of(MongoBacklogStore.Queries.FollowUps([hostile]));

        Assert.Equal(hostile, stored["title"].AsString);
        Assert.Equal(hostile, stored["description"].AsString);
        Assert.Equal(hostile, stored["publicNote"].AsString);
        Assert.Equal(hostile, stored["evidence"][0]["excerpt"].AsString);
        Assert.Equal(hostile, atVersion["_id"].AsString);
        Assert.Equal(hostile, atVersion["organisationId"].AsString);
        Assert.Equal(hostile, board["organisationId"].AsString);
        Assert.Equal(hostile, followUps["_id"]["$in"][0].AsString);
        InsightsQueriesTests.NoUserTextAsAName(stored, hostile);
    }
}
