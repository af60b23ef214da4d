using Engagement.Core.Common;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the audit log sends, rendered and compared with the checked-in JSON; details and ids stay values.</summary>
public sealed class AuditQueriesTests
{
    // Some builders serialize an item themselves; the class maps must be registered before the first one does.
    static AuditQueriesTests() => BsonMaps.Register();

    private static readonly PageRequest FirstPage = new(null, 20);
    private static readonly PageRequest NextPage = new(new PageCursor(Make.T0, "a-41"), 20);

    [Fact]
    public void Renders_every_audit_query()
    {
        var (filter, update) = MongoAuditLog.Queries.InsertIfAbsent(Samples.AuditEntry());
        Approved.Matches("MongoAuditLog/InsertIfAbsent.filter", Rendered.Of(filter));
        Approved.Matches("MongoAuditLog/InsertIfAbsent.update", Rendered.Of(update));
        Approved.Matches("MongoAuditLog/Page.organisation-first", Rendered.Of(MongoAuditLog.Queries.Page("org-1", null, FirstPage)));
        Approved.Matches("MongoAuditLog/Page.target-next", Rendered.Of(MongoAuditLog.Queries.Page("org-1", "c-1", NextPage)));
        Approved.Matches("MongoAuditLog/Oldest", Rendered.Of(MongoAuditLog.Queries.Oldest()));
        Approved.Matches("MongoAuditLog/WithActionSince", Rendered.Of(MongoAuditLog.Queries.WithActionSince("org-1", "moderation.auto_rejected", Make.T0)));
        Approved.Matches("MongoAuditLog/AuditEntry.document", Rendered.Document(Samples.AuditEntry()));
    }

    [Theory]
    [InlineData("{\"$where\": \"sleep(5000)\"}")]
    [InlineData("{\"$ne\": null}")]
    [InlineData("$gt")]
    [InlineData("a.b.$[]")]
    public void Operator_text_from_users_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var entry = Samples.AuditEntry() with { Detail = hostile, TargetId = hostile, TargetType = hostile, Action = hostile, Actor = Actor.Participant(hostile) };

        var (_, update) = MongoAuditLog.Queries.InsertIfAbsent(entry with { Id = hostile });
        var inserted = Rendered.Of(update).AsBsonDocument["$setOnInsert"].AsBsonDocument;
        var byIdFilter = Rendered.Of(MongoAuditLog.Queries.InsertIfAbsent(entry with { Id = hostile }).Filter);
        var page = Rendered.Of(MongoAuditLog.Queries.Page(hostile, hostile, FirstPage));
        var counted = Rendered.Of(MongoAuditLog.Queries.WithActionSince(hostile, hostile, Make.T0));

        Assert.Equal(hostile, inserted["detail"].AsString);
        Assert.Equal(hostile, inserted["targetId"].AsString);
        Assert.Equal(hostile, inserted["action"].AsString);
        Assert.Equal(hostile, inserted["actor"]["_id"].AsString);
        Assert.Equal(hostile, byIdFilter["_id"].AsString);
        Assert.Equal(hostile, page["organisationId"].AsString);
        Assert.Equal(hostile, page["targetId"].AsString);
        Assert.Equal(hostile, counted["action"].AsString);
        Assert.DoesNotContain(inserted.Names, n => n.StartsWith('$') || n.Contains('.', StringComparison.Ordinal));
    }
}
