using Engagement.Core.Comments;
using Engagement.Core.Common;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the comment store sends, rendered and compared with the checked-in JSON; user text stays a value.</summary>
public sealed class CommentQueriesTests
{
    private static readonly PageRequest FirstPage = new(null, 20);
    private static readonly PageRequest NextPage = new(new PageCursor(Make.T0, "c-41"), 20);

    [Fact]
    public void Renders_every_comment_query()
    {
        Approved.Matches("MongoCommentStore/ById", Rendered.Of(MongoCommentStore.Queries.ById("c-1")));
        Approved.Matches("MongoCommentStore/ByIds", Rendered.Of(MongoCommentStore.Queries.ByIds(["c-1", "c-2", "c-1"])));
        Approved.Matches("MongoCommentStore/TopLevel.any-first", Rendered.Of(MongoCommentStore.Queries.TopLevel("con-1", null, FirstPage)));
        Approved.Matches("MongoCommentStore/TopLevel.published-next", Rendered.Of(MongoCommentStore.Queries.TopLevel("con-1", CommentStatus.Published, NextPage)));
        Approved.Matches("MongoCommentStore/AwaitingReview", Rendered.Of(MongoCommentStore.Queries.AwaitingReview(Make.T0.AddDays(1), NextPage)));
        Approved.Matches("MongoCommentStore/Replies", Rendered.Of(MongoCommentStore.Queries.Replies(["c-1", "c-2"], CommentStatus.Held)));
        Approved.Matches("MongoCommentStore/Oldest", Rendered.Of(MongoCommentStore.Queries.Oldest()));
        Approved.Matches("MongoCommentStore/SetStatus", Rendered.Of(MongoCommentStore.Queries.SetStatus(CommentStatus.Hidden, Make.T0)));
        Approved.Matches("MongoCommentStore/SetText", Rendered.Of(MongoCommentStore.Queries.SetText("[email] said hi", Make.T0)));
        Approved.Matches("MongoCommentStore/Reaction", Rendered.Of(MongoCommentStore.Queries.Reaction(new ReactionKey("c-1", "p-1"))));
        Approved.Matches("MongoCommentStore/SetReaction", Rendered.Of(MongoCommentStore.Queries.SetReaction(Reaction.Disagree, Make.T0)));
        Approved.Matches("MongoCommentStore/ReactionsOf", Rendered.Of(MongoCommentStore.Queries.ReactionsOf("p-1", ["c-1", "c-2"])));
        Approved.Matches("MongoCommentStore/Comment.document", Rendered.Document(Make.Comment("org-1", "con-1", "c-0", CommentStatus.Held, Make.T0, "p-1", "c-1")));
    }

    [Theory]
    [InlineData("{\"$where\": \"sleep(5000)\"}")]
    [InlineData("{\"$ne\": null}")]
    [InlineData("$gt")]
    [InlineData("a.b.$[]")]
    public void Operator_text_from_users_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var comment = Make.Comment("org-1", "con-1") with { Text = hostile, ParticipantId = hostile };

        var stored = Rendered.Document(comment);
        var byId = Rendered.Of(MongoCommentStore.Queries.ById(hostile));
        var redacted = Rendered.Of(MongoCommentStore.Queries.SetText(hostile, Make.T0)).AsBsonDocument;
        var topLevel = Rendered.Of(MongoCommentStore.Queries.TopLevel(hostile, null, FirstPage));

        Assert.Equal(hostile, stored["text"].AsString);
        Assert.Equal(hostile, stored["participantId"].AsString);
        Assert.Equal(hostile, byId["_id"].AsString);
        Assert.Equal(hostile, redacted["$set"]["text"].AsString);
        Assert.Equal(hostile, topLevel["consultationId"].AsString);
        Assert.DoesNotContain(stored.Names, n => n.StartsWith('$') || n.Contains('.', StringComparison.Ordinal));
    }
}
