using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the rating store sends, rendered and compared with the checked-in JSON; comments and page addresses stay data.</summary>
public sealed class RatingQueriesTests
{
    private static readonly PageRequest NextPage = new(new PageCursor(Make.T0, "rt-41"), 20);

    [Fact]
    public void Renders_every_rating_query()
    {
        Approved.Matches("MongoRatingStore/InsertIfAbsent", Rendered.Of(MongoRatingStore.Queries.InsertIfAbsent(Samples.Rating())));
        Approved.Matches("MongoRatingStore/WithComment", Rendered.Of(MongoRatingStore.Queries.WithComment("rt-1")));
        Approved.Matches("MongoRatingStore/SetCommentStatus", Rendered.Of(MongoRatingStore.Queries.SetCommentStatus(CommentStatus.Rejected)));
        Approved.Matches("MongoRatingStore/HeldComments", Rendered.Of(MongoRatingStore.Queries.HeldComments(Make.T0.AddDays(1), NextPage)));
        Approved.Matches("MongoRatingStore/OfService.first", Rendered.Of(MongoRatingStore.Queries.OfService("s-1", PageRequest.First(20))));
        Approved.Matches("MongoRatingStore/OfService.next", Rendered.Of(MongoRatingStore.Queries.OfService("s-1", NextPage)));
        Approved.Matches("MongoRatingStore/Oldest", Rendered.Of(MongoRatingStore.Queries.Oldest()));
        Approved.Matches("MongoRatingStore/Rating.document", Rendered.Document(Samples.Rating()));
    }

    [Fact]
    public void An_insert_if_absent_never_overwrites_a_stored_rating()
    {
        var model = Rendered.Of(MongoRatingStore.Queries.InsertIfAbsent(Samples.Rating()));

        Assert.True(model["upsert"].AsBoolean);
        Assert.Equal(["$setOnInsert"], model["update"].AsBsonDocument.Names);
        Assert.DoesNotContain("_id", model["update"]["$setOnInsert"].AsBsonDocument.Names);
    }

    [Theory]
    [MemberData(nameof(Hostile.Texts), MemberType = typeof(Hostile))]
    public void Operator_text_in_comments_and_pages_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var rating = Samples.Rating() with { Id = hostile, Comment = hostile, PageUrl = hostile, ServiceId = hostile };

        var stored = Rendered.Document(rating);
        var inserted = Rendered.Of(MongoRatingStore.Queries.InsertIfAbsent(rating));
        var ofService = Rendered.Of(MongoRatingStore.Queries.OfService(hostile, PageRequest.First(5)));

        Assert.Equal(hostile, stored["comment"].AsString);
        Assert.Equal(hostile, stored["pageUrl"].AsString);
        Assert.Equal(hostile, inserted["filter"]["_id"].AsString);
        Assert.Equal(hostile, inserted["update"]["$setOnInsert"]["comment"].AsString);
        Assert.Equal(hostile, ofService["serviceId"].AsString);
        Hostile.NoFieldNameFromData(stored);
        Hostile.NoFieldNameFromData(inserted["update"]["$setOnInsert"].AsBsonDocument);
    }
}
