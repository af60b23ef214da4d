using Engagement.Core.Moderation;
using Engagement.Core.Screening;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the moderation item, comment report and term list stores send, rendered and compared with the checked-in JSON.</summary>
public sealed class ModerationQueriesTests
{
    // Some builders serialize an item themselves; the class maps must be registered before the first one does.
    static ModerationQueriesTests() => BsonMaps.Register();

    [Fact]
    public void Renders_every_moderation_item_query()
    {
        Approved.Matches("MongoModerationItemStore/Document.open", MongoModerationItemStore.Queries.Document(Samples.ModerationItem()));
        Approved.Matches("MongoModerationItemStore/Document.decided", MongoModerationItemStore.Queries.Document(Samples.ModerationItem(ModerationItemStatus.Decided)));
        Approved.Matches("MongoModerationItemStore/ById", Rendered.Of(MongoModerationItemStore.Queries.ById("m-1")));
        Approved.Matches("MongoModerationItemStore/AtVersion", Rendered.Of(MongoModerationItemStore.Queries.AtVersion("m-1", 3)));
        Approved.Matches("MongoModerationItemStore/Open", Rendered.Of(MongoModerationItemStore.Queries.Open(TextKind.SurveyAnswer, TextFeed.SurveyAnswerId("r-1", "q-1"))));
        Approved.Matches("MongoModerationItemStore/InStatus", Rendered.Of(MongoModerationItemStore.Queries.InStatus("org-1", ModerationItemStatus.Escalated)));
        Approved.Matches("MongoModerationItemStore/QueueOrder", Rendered.Of(MongoModerationItemStore.Queries.QueueOrder()));
        Approved.Matches("MongoModerationItemStore/CreatedSince", Rendered.Of(MongoModerationItemStore.Queries.CreatedSince("org-1", Make.T0)));
        Approved.Matches("MongoModerationItemStore/Oldest", Rendered.Of(MongoModerationItemStore.Queries.Oldest()));
    }

    [Fact]
    public void Renders_every_comment_report_query()
    {
        var report = new CommentReport { CommentId = "c-1", ParticipantId = "p-1", Reason = ReportReason.PersonalInformation, At = Make.T0 };
        Approved.Matches("MongoCommentReportStore/Document", Rendered.Document(MongoCommentReportStore.Queries.Document(report)));
        Approved.Matches("MongoCommentReportStore/CountByReason", Rendered.Of(MongoCommentReportStore.Queries.CountByReason("c-1", Make.T0)));
    }

    [Fact]
    public void Renders_every_term_list_query()
    {
        Approved.Matches("MongoTermListStore/Of", Rendered.Of(MongoTermListStore.Queries.Of("org-1", TermListKind.Blocked, "fr")));
        Approved.Matches("MongoTermListStore/OfOrganisation", Rendered.Of(MongoTermListStore.Queries.OfOrganisation("org-1")));
        Approved.Matches("MongoTermListStore/KindThenLanguage", Rendered.Of(MongoTermListStore.Queries.KindThenLanguage()));
        Approved.Matches("MongoTermListStore/TermList.document", Rendered.Document(Samples.TermList()));
    }

    [Fact]
    public void Only_an_open_item_carries_the_open_key_and_every_item_its_priority()
    {
        var open = MongoModerationItemStore.Queries.Document(Samples.ModerationItem(ModerationItemStatus.Pending));
        var escalated = MongoModerationItemStore.Queries.Document(Samples.ModerationItem(ModerationItemStatus.Escalated));
        var decided = MongoModerationItemStore.Queries.Document(Samples.ModerationItem(ModerationItemStatus.Decided));

        Assert.Equal("Comment:c-1", open[MongoModerationItemStore.OpenKey].AsString);
        Assert.Equal("Comment:c-1", escalated[MongoModerationItemStore.OpenKey].AsString);
        Assert.False(decided.Contains(MongoModerationItemStore.OpenKey));
        Assert.Equal(Samples.ModerationItem().Priority, decided["priority"].AsInt32);
    }

    [Fact]
    public void The_open_key_index_is_unique_over_open_items_only()
    {
        var index = Assert.Single(MongoModerationItemStore.Indexes, i => i.Keys.Contains(MongoModerationItemStore.OpenKey));

        Assert.True(index.Unique);
        Assert.Equal(new MongoDB.Bson.BsonDocument(MongoModerationItemStore.OpenKey, new MongoDB.Bson.BsonDocument("$exists", true)), index.PartialFilter);
    }

    [Theory]
    [InlineData("{\"$where\": \"sleep(5000)\"}")]
    [InlineData("{\"$ne\": null}")]
    [InlineData("$gt")]
    [InlineData("a.b.$[]")]
    public void Operator_text_from_users_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var item = Samples.ModerationItem(ModerationItemStatus.Pending) with
        {
            Text = hostile,
            TargetId = hostile,
            DecisionReason = hostile,
            Reports = new Dictionary<string, int> { [hostile] = 2, ["spam"] = 1 },
            Reasons = [new ScreeningReason(hostile, ReasonSeverity.Hold, hostile)],
        };
        var stored = MongoModerationItemStore.Queries.Document(item);
        var open = Rendered.Of(MongoModerationItemStore.Queries.Open(TextKind.Comment, hostile));
        var report = Rendered.Document(MongoCommentReportStore.Queries.Document(new CommentReport { CommentId = hostile, ParticipantId = hostile, Reason = ReportReason.Spam, At = Make.T0 }));
        var counted = Rendered.Of(MongoCommentReportStore.Queries.CountByReason(hostile, Make.T0));
        var list = Rendered.Document(Samples.TermList() with { Terms = [hostile], Language = hostile });
        var saved = Rendered.Of(MongoTermListStore.Queries.Of(hostile, TermListKind.Blocked, hostile));

        Assert.Equal(hostile, stored["text"].AsString);
        Assert.Equal(hostile, stored["targetId"].AsString);
        Assert.Equal(hostile, stored["decisionReason"].AsString);
        Assert.Equal("Comment:" + hostile, stored[MongoModerationItemStore.OpenKey].AsString);
        Assert.Equal(hostile, stored["reports"][0]["k"].AsString);
        Assert.Equal(hostile, stored["reasons"][0]["code"].AsString);
        Assert.Contains(open["$and"].AsBsonArray, c => c.AsBsonDocument.Contains(MongoModerationItemStore.OpenKey)
            && c[MongoModerationItemStore.OpenKey] == "Comment:" + hostile);
        Assert.Equal(hostile, Rendered.Of(MongoModerationItemStore.Queries.InStatus(hostile, ModerationItemStatus.Pending))["organisationId"].AsString);
        Assert.Equal(hostile, report["_id"]["commentId"].AsString);
        Assert.Equal(hostile, report["_id"]["participantId"].AsString);
        Assert.Equal(hostile, counted[0]["$match"]["_id.commentId"].AsString);
        Assert.Equal(hostile, list["terms"][0].AsString);
        Assert.Equal(hostile, saved["organisationId"].AsString);
        Assert.Equal(hostile, saved["language"].AsString);
        Assert.All(new[] { stored, report, list }, d => Assert.DoesNotContain(d.Names, n => n.StartsWith('$') || n.Contains('.', StringComparison.Ordinal)));
    }
}
