using Engagement.Core.Email;
using Engagement.Storage.Mongo;
using Engagement.Storage.Tests.Contract;

namespace Engagement.Storage.Tests.Mongo.Offline;

/// <summary>What the outbox, suppression and follow-up stores send, rendered and compared with the checked-in JSON.</summary>
public sealed class EmailQueriesTests
{
    [Fact]
    public void Renders_every_outbox_query()
    {
        Approved.Matches("MongoOutboxStore/ById", Rendered.Of(MongoOutboxStore.Queries.ById("m-1")));
        Approved.Matches("MongoOutboxStore/Enqueue", Rendered.Of(MongoOutboxStore.Queries.Enqueue(Samples.Email(), Make.T0.AddMinutes(1))));
        Approved.Matches("MongoOutboxStore/Due.first", Rendered.Of(MongoOutboxStore.Queries.Due(Make.T0, [])));
        Approved.Matches("MongoOutboxStore/Due.after-two", Rendered.Of(MongoOutboxStore.Queries.Due(Make.T0, ["m-1", "m-2"])));
        Approved.Matches("MongoOutboxStore/DueFirst", Rendered.Of(MongoOutboxStore.Queries.DueFirst()));
        Approved.Matches("MongoOutboxStore/Hold", Rendered.Of(MongoOutboxStore.Queries.Hold(Make.T0.AddMinutes(5))));
        Approved.Matches("MongoOutboxStore/NotSent", Rendered.Of(MongoOutboxStore.Queries.NotSent("m-1")));
        Approved.Matches("MongoOutboxStore/Sent", Rendered.Of(MongoOutboxStore.Queries.Sent(Make.T0.AddSeconds(3))));
        Approved.Matches("MongoOutboxStore/PendingById", Rendered.Of(MongoOutboxStore.Queries.PendingById("m-1")));
        Approved.Matches("MongoOutboxStore/Failed.retry", Rendered.Of(MongoOutboxStore.Queries.Failed("421 try later", Make.T0.AddMinutes(2))));
        Approved.Matches("MongoOutboxStore/Failed.given-up", Rendered.Of(MongoOutboxStore.Queries.Failed("550 no such user", null)));
        Approved.Matches("MongoOutboxStore/InStatus", Rendered.Of(MongoOutboxStore.Queries.InStatus(OutboxStatus.Failed)));
        Approved.Matches("MongoOutboxStore/Newest", Rendered.Of(MongoOutboxStore.Queries.Newest()));
    }

    [Fact]
    public void Renders_every_suppression_and_follow_up_query()
    {
        var (filter, update) = MongoEmailSuppressionStore.Queries.Suppress(new SuppressionKey(MailingList.FollowUps, "hash-1"), Make.T0);
        Approved.Matches("MongoEmailSuppressionStore/Suppress.filter", Rendered.Of(filter));
        Approved.Matches("MongoEmailSuppressionStore/Suppress.update", Rendered.Of(update));
        Approved.Matches("MongoEmailSuppressionStore/Suppressed", Rendered.Of(MongoEmailSuppressionStore.Queries.Suppressed(MailingList.DriftAlerts, ["hash-1", "hash-2", "hash-1"])));

        Approved.Matches("MongoFollowUpStore/ForContributions", Rendered.Of(MongoFollowUpStore.Queries.ForContributions("org-1", ["c-1", "sr-1", "c-1"], Make.T0)));
        Approved.Matches("MongoFollowUpStore/ById", Rendered.Of(MongoFollowUpStore.Queries.ById()));
        Approved.Matches("MongoFollowUpStore/ByAddress", Rendered.Of(MongoFollowUpStore.Queries.ByAddress("person@example.org")));
        Approved.Matches("MongoFollowUpStore/Expired", Rendered.Of(MongoFollowUpStore.Queries.Expired(Make.T0)));
        Approved.Matches("MongoFollowUpStore/SoonestExpired", Rendered.Of(MongoFollowUpStore.Queries.SoonestExpired()));
        Approved.Matches("MongoFollowUpStore/ExpiredAmong", Rendered.Of(MongoFollowUpStore.Queries.ExpiredAmong(["f-1", "f-2"], Make.T0)));
    }

    [Fact]
    public void A_message_already_stored_is_never_overwritten_and_a_claim_requires_it_still_due()
    {
        var enqueue = Rendered.Of(MongoOutboxStore.Queries.Enqueue(Samples.Email(), Make.T0));
        var due = Rendered.Of(MongoOutboxStore.Queries.Due(Make.T0, ["m-1"]));

        Assert.True(enqueue["upsert"].AsBoolean);
        Assert.Equal(["$setOnInsert"], enqueue["update"].AsBsonDocument.Names);
        Assert.Equal("Pending", due["status"].AsString);
        Assert.Equal(Make.T0.UtcTicks, due["nextAttemptAt.ticks"]["$lte"].AsInt64);
        Assert.Equal("m-1", due["_id"]["$nin"][0].AsString);
    }

    [Theory]
    [MemberData(nameof(InsightsQueriesTests.Hostile), MemberType = typeof(InsightsQueriesTests))]
    public void Operator_text_in_addresses_and_messages_is_stored_and_matched_as_a_plain_string(string hostile)
    {
        var message = Samples.Email() with { Id = hostile, To = hostile, ToName = hostile, Subject = hostile, PlainText = hostile, Html = hostile };
        var enqueue = Rendered.Of(MongoOutboxStore.Queries.Enqueue(message, Make.T0));
        var failed = Rendered.Of(MongoOutboxStore.Queries.Failed(hostile, null)).AsBsonDocument;
        var byAddress = Rendered.Of(MongoFollowUpStore.Queries.ByAddress(hostile));
        var contributions = Rendered.Of(MongoFollowUpStore.Queries.ForContributions(hostile, [hostile], Make.T0));
        var suppressed = Rendered.Of(MongoEmailSuppressionStore.Queries.Suppressed(MailingList.FollowUps, [hostile]));
        var followUp = Rendered.Document(Samples.FollowUp() with { Address = hostile, ContributionId = hostile });

        Assert.Equal(hostile, enqueue["filter"]["_id"].AsString);
        var stored = enqueue["update"]["$setOnInsert"]["message"].AsBsonDocument;
        Assert.Equal(hostile, stored["to"].AsString);
        Assert.Equal(hostile, stored["plainText"].AsString);
        Assert.Equal(hostile, failed["$set"]["lastError"].AsString);
        Assert.Equal(hostile, byAddress["address"].AsString);
        Assert.Equal(hostile, contributions["organisationId"].AsString);
        Assert.Equal(hostile, contributions["contributionId"]["$in"][0].AsString);
        Assert.Equal(hostile, suppressed["_id"]["$in"][0]["addressHash"].AsString);
        Assert.Equal(hostile, followUp["address"].AsString);
        InsightsQueriesTests.NoUserTextAsAName(enqueue, hostile);
        InsightsQueriesTests.NoUserTextAsAName(followUp, hostile);
    }
}
